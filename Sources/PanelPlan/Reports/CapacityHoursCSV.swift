extension CapacityReport {
  /// Column names of `hoursCSV`, in order.
  public static let hoursCSVColumns = ["doctor", "role", "fte", "item", "hours_per_year"]

  /// Where each doctor's hours go (`capacity --hours --format csv`), one row
  /// per doctor and item in long form (contracted hours first, then each
  /// item of `WorkingTimeBreakdown.items`), so a spreadsheet can pivot it.
  public static func hoursCSV(_ c: CentreCapacity) -> String {
    var w = CSVWriter()
    w.append(hoursCSVColumns)
    for d in c.doctors {
      let head = [d.clinician.id, d.clinician.role.rawValue, NumberFormat.machine(d.clinician.fte)]
      w.append(head + ["contracted", NumberFormat.machine(d.workingTime.contractedHours)])
      for item in d.workingTime.items { w.append(head + [item.label, NumberFormat.machine(item.hours)]) }
    }
    return w.text
  }
}
