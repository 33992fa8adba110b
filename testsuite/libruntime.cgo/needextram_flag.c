/* C side of needextram_flag.go (white-box): the runtime's flag, read
   through a plain //extern call, which is no cgo call.  */
#include <stdint.h>

extern uint32_t runtime_needextram;

int
needextram_value (void)
{
  return (int) __atomic_load_n (&runtime_needextram, __ATOMIC_SEQ_CST);
}
