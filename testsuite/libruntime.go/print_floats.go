// run

// Floats as Go's print formats them, including the special values.
package main

var zero float64

func main() {
	inf := 1 / zero
	nan := zero / zero
	negzero := -zero
	println(inf, -inf, nan, negzero, zero)
	println(1.0, -1.0, 0.1, 123456789.0, 1e-300, 5e-324, 1.7976931348623157e308)
	println(float32(0.1), float32(3.4028234e38), float32(1e-45))
	println(2.5e-7, 9.9999999, 0.99999995, 1e21)
	println(complex(inf, nan), complex64(complex(-1.5, 0.25)))
}
