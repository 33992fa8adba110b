// startup.go: an empty program, for start-up time and memory.
package main

func main() {}
