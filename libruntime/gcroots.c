/* gcroots.c: runtime.registerGCRoots (see gcroots.h).  */
#include "gcroots.h"

GcRootList *runtime_gcroots;

void runtime_registerGCRoots (GcRootList *l) GOSYM ("runtime.registerGCRoots");
void
runtime_registerGCRoots (GcRootList *l)
{
  l->next = runtime_gcroots;
  runtime_gcroots = l;
}
