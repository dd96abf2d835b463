import PanelPlanCLI

/// What one in-process run of the command-line program gave.
public typealias CLIResult = (code: Int32, out: String, err: String)

/// Runs `panelplan` in-process on `arguments` (without the program name):
/// the same code path as the binary, without a process per test.
public func runCLI(_ arguments: [String]) -> CLIResult {
  var output = CommandOutput()
  let code = PanelPlanCLI.run(arguments, output: &output)
  return (code, output.standardOutput, output.standardError)
}
