#include "runtime/ucrun/classify.hpp"

namespace ucrun {

// The rules (annotations, urunc labels, kraft layout, SERVICE_NAME) come with the unikernel
// runtime; until then everything is an ordinary container.
Kind classify(const ClassifyInput&) { return Kind::container; }

}  // namespace ucrun
