/* C side of early_callback_ctor.go: a constructor calls an exported Go
   function on the main thread, before main and before any cgo call.  */
extern void goEarly (void);

__attribute__ ((constructor)) static void
call_go_early (void)
{
  goEarly ();
}
