import Foundation
import Testing
@testable import PanelPlan
import PanelPlanTestSupport

@Suite struct DoctorContactsTests {
  /// Contacts are ranked most visits, then latest visit, then doctor index,
  /// and counted visits are found per doctor.
  @Test func contactsAreRanked() {
    let c = DoctorContacts(patientCount: 3, pairs: [
      .init(patient: 2, doctor: 0, visits: 1, lastDay: 9), .init(patient: 0, doctor: 3, visits: 1, lastDay: 7),
      .init(patient: 0, doctor: 1, visits: 4, lastDay: 2), .init(patient: 0, doctor: 2, visits: 1, lastDay: 7),
    ])
    #expect(c.start == [0, 3, 3, 4])
    #expect(c.doctor == [1, 2, 3, 0])
    #expect(c.visits(of: 0, with: 3) == 1 && c.visits(of: 1, with: 0) == 0 && c.visits(of: 2, with: 0) == 1)
  }
}
