import PanelPlanCLI

PanelPlanCLI.main()
