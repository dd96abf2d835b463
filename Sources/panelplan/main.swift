import PanelPlan
import PanelPlanCLI

AllocatorTuning.preferHeapForLargeBlocks()
PanelPlanCLI.main()
