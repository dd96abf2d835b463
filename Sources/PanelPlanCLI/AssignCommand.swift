import Foundation
import PanelPlan

/// `panelplan assign`: who should be whose fixed doctor (issue 15).
public enum AssignCommand: CLICommand {
  public static let spec = CommandSpec(
    name: "assign",
    abstract: "Propose who should be whose fixed doctor: within capacity, highest needs first, keeping relations.",
    discussion: """
      Reads a care centre (or a scenario, whose capacity and assignment parameters
      then apply) and a patients CSV, optionally visit records, and proposes one
      fixed doctor per patient who wants one. The rule: existing relations are
      kept while the doctor has room (when a doctor is over capacity, the priority
      groups and then the highest need weight decide who stays); then, group by
      group (nursing home, home health care, several long-term conditions, 75+,
      one condition, others), highest need weight first, each patient who wants
      one gets the doctor with room they saw most in the window (then most
      recently), else the doctor with the most room left. Who wants one: the
      patients file's wants_fixed_doctor, else everyone who had one, else a draw
      with the group's want share. Remaining ties use --seed: the same input and
      seed give the same list. Capacity is need-weighted: the chosen view times
      the fill limit.

      Prints per doctor the panel against capacity, per priority group the share
      covered against the 55% and 80% targets, and the relations kept, moved and
      ended. --out writes the list (patient, fixed_doctor, need_weight,
      priority_group, previous_fixed_doctor, kept, visits_with_fixed_doctor,
      reason). --without DOCTOR re-assigns as if the doctor had left (only that
      doctor's patients move while the others have room); --write-scenario gives
      a scenario for 'panelplan simulate' that uses exactly this list.
      """,
    options: [
      OptionSpec("centre", value: "FILE", help: "Care-centre file (Examples/small-centre.json) or scenario file (required)."),
      OptionSpec("patients", value: "FILE", help: "Patients CSV: patient, birth_year or age_band, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, wants_fixed_doctor (required; see Examples/assign-patients.csv)."),
      OptionSpec("visits", value: "FILE", help: "Visit records (patient, date, clinician; other columns ignored; see Examples/assign-visits.csv) for the most-seen preference."),
      OptionSpec("from", value: "DATE", help: "First day of visits counted, YYYY-MM-DD (inclusive). Default: no limit."),
      OptionSpec("to", value: "DATE", help: "Last day of visits counted, YYYY-MM-DD (inclusive). Default: no limit."),
      OptionSpec("capacity-view", value: "VIEW", help: "Capacity per doctor: Socialstyrelsen's guideline (1,100 / 550, scaled by FTE and duties) or working time.", default: "guideline, or the scenario's", allowed: ["guideline", "working-time"]),
      OptionSpec("fill-limit", value: "F", help: "Share of each doctor's capacity that may be filled (0 to 2).", default: "1.0, or the scenario's"),
      OptionSpec("want-share", value: "SHARES", help: "Who wants a fixed doctor when the patients file does not say: one share for every group (0.7), or group=share pairs (others=0.5,aged-75+=0.9); may repeat.", default: "1 for nursing-home and home-health-care, 0.7 for the rest, or the scenario's"),
      OptionSpec("without", value: "DOCTOR", help: "Re-assign as if this clinician id had left (comma-separated ids; may repeat)."),
      OptionSpec("previous", value: "FILE", help: "An earlier list (assign --out): its fixed_doctor column gives the relations before, instead of the patients file's."),
      OptionSpec("age-year", value: "YEAR", help: "Year ages are taken at (from birth_year).", default: "the year of --to, else of the last visit, else this year"),
      .seed,
      OptionSpec("out", value: "FILE", help: "Write the list as CSV to FILE (whole or not at all)."),
      OptionSpec("format", value: "FORMAT", help: "What goes to standard output: the summary (table) or the list (csv).", default: "table", allowed: ["table", "csv"]),
      .csvDialect, .report, .lang,
      OptionSpec("write-scenario", value: "FILE", help: "Also write a scenario for 'panelplan simulate': the centre, the patients with the list's fixed doctors, want shares 0 so that the simulation keeps exactly this list."),
      OptionSpec("skip-bad-rows", help: "Skip malformed visit rows, count them and report the first few, instead of stopping."),
      OptionSpec("threads", value: "N", help: "Parts of the visit file read in parallel.", default: "the number of cores"),
    ])

  /// Parses `--want-share` values into a policy's shares.
  static func wantShares(_ values: [String], into policy: inout AssignmentPolicy) throws {
    for v in values {
      for part in v.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let groups: [PriorityGroup]
        let text: String
        if kv.count == 1 {
          groups = PriorityGroup.allCases
          text = kv[0]
        } else {
          guard let g = PriorityGroup(rawValue: kv[0].lowercased()) else {
            throw UsageError("option '--want-share': found group '\(kv[0])', expected one of \(PriorityGroup.allCases.map(\.rawValue).joined(separator: ", "))", usage: spec.usage)
          }
          groups = [g]
          text = kv[1]
        }
        guard let s = Double(text), s.isFinite, (0...1).contains(s) else {
          throw UsageError("option '--want-share': found '\(text)', expected a share from 0 to 1", usage: spec.usage)
        }
        for g in groups { policy.wantShare[g] = s }
      }
    }
  }

  public static func run(_ a: ParsedArguments, output: inout CommandOutput) throws {
    guard let centrePath = a.string("centre") else { throw UsageError("missing option --centre FILE", usage: spec.usage) }
    guard let patientsPath = a.string("patients") else { throw UsageError("missing option --patients FILE", usage: spec.usage) }
    let fromDay = try ContinuityCommand.day(a, "from")
    let toDay = try ContinuityCommand.day(a, "to")
    if let f = fromDay, let t = toDay, f > t { throw UsageError("option '--from' is after '--to'", usage: spec.usage) }

    var centre: CareCentre
    var policy = AssignmentPolicy.standard
    var parameters = CapacityParameters.standard
    if try CentreFile.isScenario(centrePath) {
      let scenario = try Scenario.load(centrePath)
      centre = scenario.centre
      policy = scenario.parameters.assignment
      parameters = scenario.parameters.capacity
    } else {
      centre = try CentreFile.load(centrePath)
    }
    if let v = a.has("capacity-view") ? a.string("capacity-view") : nil { policy.capacityView = v == "working-time" ? .workingTime : .guideline }
    if a.has("fill-limit") { policy.fillLimit = try a.double("fill-limit", in: 0...2)! }
    try wantShares(a.strings("want-share"), into: &policy)
    let seed = try a.uint64("seed") ?? 1

    let removed = a.strings("without").flatMap(ContinuityCommand.list)
    for id in removed where !centre.clinicians.contains(where: { $0.id == id }) {
      throw UsageError("option '--without': found '\(id)', expected a clinician id of \(centre.id): \(centre.clinicians.map(\.id).joined(separator: ", "))", usage: spec.usage)
    }
    let clinicians = centre.clinicians.filter { !removed.contains($0.id) }

    var reader: VisitRecordReader?
    if let v = a.string("visits") {
      var columns = VisitColumns()
      // Who is a doctor comes from the centre file's clinician ids.
      columns.profession.required = false
      let threads = a.has("threads") ? try a.int("threads", in: 1...256)! : ProcessInfo.processInfo.activeProcessorCount
      reader = VisitRecordReader(path: v, columns: columns, skipBadRows: a.flag("skip-bad-rows"), workers: threads)
    }
    let ageYear = a.has("age-year") ? try a.int("age-year", in: 1900...2199) : nil
    let input = try AssignmentInput.load(
      patientsPath: patientsPath, visits: reader, fromDay: fromDay, toDay: toDay, clinicians: clinicians,
      previousPath: a.string("previous"), ageYear: ageYear)
    if let scan = input.visitScan {
      for e in scan.skippedExamples { output.warn(Terms.message("Skipped: {1}", "\(e)") + "\n") }
      if scan.skippedRows > 0 { output.warn(Terms.message("Skipped {1} bad row(s) in {2}.", Terms.number(Double(scan.skippedRows)), a.string("visits")!) + "\n") }
    }
    let strangers = input.unmatchedPreviousDoctors.filter { !removed.contains($0.id) }
    if !strangers.isEmpty {
      output.warn(Terms.message("Warning: previous fixed doctors not in {1}, their relations are treated as ended or moved: {2}",
        centrePath, strangers.map { "\($0.id) (\($0.patients))" }.joined(separator: ", ")) + "\n")
    }
    if input.unknownAgeCount > 0 {
      output.warn(Terms.message("Warning: {1} patient(s) without birth_year or age_band counted as under 75.", Terms.number(Double(input.unknownAgeCount))) + "\n")
    }
    if input.visitRowsUnknownPatient > 0 {
      output.warn(Terms.message("Note: {1} visit row(s) in the window name patients not in {2}; not counted.", Terms.number(Double(input.visitRowsUnknownPatient)), patientsPath) + "\n")
    }

    let list = PanelAssignment.propose(
      patients: input.patients, contacts: input.contacts, clinicians: clinicians, policy: policy, parameters: parameters, seed: seed)

    var context = AssignmentReport.Context(
      centreName: centre.name, centreId: centre.id, capacityView: policy.capacityView, fillLimit: policy.fillLimit, seed: seed)
    context.removed = removed
    if reader != nil {
      context.window = "\(fromDay.map(ISODateBytes.format) ?? "start")…\(toDay.map(ISODateBytes.format) ?? "end")"
    }
    let dialect = a.string("csv-dialect").flatMap(CSVDialect.init(rawValue:)) ?? .standard
    let listCSV = (dialect == .excelSv ? "\u{FEFF}" : "") + dialect.convert(AssignmentReport.csv(list, input: input))
    let summary = AssignmentReport.table(list, input: input, clinicians: clinicians, context: context)

    // Everything is computed before anything is written.
    var scenarioText: String?
    if a.has("write-scenario") {
      var c = centre
      c.clinicians = clinicians
      c.population = input.listedPopulation(with: list)
      var p = SimulationParameters()
      if try CentreFile.isScenario(centrePath) { p = try Scenario.load(centrePath).parameters }
      p.guideline = parameters.guideline
      p.workingTime = parameters.workingTime
      p.assignment = policy
      // Nobody is offered a new doctor in the simulation: the list is kept
      // whole (its panels fit the same capacity) and nothing is added.
      for g in PriorityGroup.allCases { p.assignment.wantShare[g] = 0 }
      let scenario = Scenario(name: "\(centre.name): proposed list", centre: c, parameters: p)
      scenarioText = String(decoding: try JSONInput.encode(scenario), as: UTF8.self)
    }
    if let path = a.string("out") { try AtomicFile.write(listCSV, to: path) }
    if let path = a.string("write-scenario"), let scenarioText { try AtomicFile.write(scenarioText, to: path) }
    // Want shares and the capacity view may come from the options.
    let used = ParameterCatalog.readings(policy) + ParameterCatalog.readings(parameters)
    try emitReport(a, parameters: used, verdict: { Verdicts.assignment(list.coverage(of: input.patients), changes: list.changes) }) { AssignmentCharts.report(list, input: input, clinicians: clinicians, context: context, language: $0) }
    output.write(a.string("format") == "csv" ? listCSV : summary)
  }
}
