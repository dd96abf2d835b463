import Foundation

/// Plain-language verdicts that open each command's table: what the numbers
/// mean for the centre, and the next step. English and Swedish sentences are
/// written whole (not pieced together from terms) so each reads naturally.
public enum Verdicts {
  /// A count rounded for a sentence: to hundreds from 1,000 up, to tens below.
  static func roughCount(_ x: Double) -> Double {
    let a = abs(x)
    let step: Double = a >= 1000 ? 100 : (a >= 100 ? 10 : 1)
    return (x / step).rounded() * step
  }

  /// `capacity`: how far the centre is from the guideline, what would close
  /// the gap (specialist FTE, or fewer listed at today's staff).
  public static func capacity(_ c: CentreCapacity) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    let ratio = c.guidelineRatio
    guard ratio.isFinite, c.guidelineCapacity > 0 else {
      return sv
        ? "Vårdcentralen har ingen läkarkapacitet enligt riktvärdet. Lägg till läkare i filen och kör igen.\n"
        : "The centre has no doctor capacity by the guideline. Add doctors to the file and run again.\n"
    }
    // Fewer listed that would bring the need-weighted list to capacity, at
    // the centre's mean need weight.
    let fewer = roughCount(Double(c.listedCount) * (1 - 1 / ratio))
    let fte = F.fixed(c.specialistFTEGap, decimals: 0)
    if ratio > 1.02 {
      return sv
        ? "Vårdcentralen har \(F.fixed(ratio, decimals: 1)) gånger så många listade som läkarna kan vara fast läkarkontakt för enligt riktvärdet; ungefär \(fte) fler heltidsspecialister i allmänmedicin, eller \(F.grouped(fewer)) färre listade, skulle sluta gapet. Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
        : "The centre lists \(F.fixed(ratio, decimals: 1)) times what its doctors can hold by the guideline; about \(fte) more full-time GP specialists, or \(F.grouped(fewer)) fewer listed, would close the gap. Try `panelplan simulate` to see continuity and access.\n"
    }
    if ratio < 0.98 {
      return sv
        ? "Vårdcentralen ligger inom riktvärdet (kvot \(F.fixed(ratio, decimals: 2))): läkarna kan vara fast läkarkontakt för ungefär \(F.grouped(roughCount(Double(c.listedCount) * (1 / ratio - 1)))) fler listade. Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
        : "The centre is within the guideline (ratio \(F.fixed(ratio, decimals: 2))): its doctors could be fixed doctor for about \(F.grouped(roughCount(Double(c.listedCount) * (1 / ratio - 1)))) more listed. Try `panelplan simulate` to see continuity and access.\n"
    }
    return sv
      ? "Vårdcentralen ligger på riktvärdet (kvot \(F.fixed(ratio, decimals: 2))). Prova `panelplan simulate` för att se kontinuitet och tillgänglighet.\n"
      : "The centre is at the guideline (ratio \(F.fixed(ratio, decimals: 2))). Try `panelplan simulate` to see continuity and access.\n"
  }
}

extension Verdicts {
  /// `simulate`: who has a fixed doctor against the 55% target, what access
  /// the doctors give, and how much care went elsewhere.
  public static func simulation(_ s: ReplicationSummary) -> String {
    let sv = ReportLanguage.current == .sv
    let F = NumberFormat.self
    func m(_ n: String) -> Double? { s.band(n)?.mean.isFinite == true ? s.band(n)!.mean : nil }
    guard let fixed = m("shareWithFixedDoctor") else { return "" }
    let seen = m("acuteSeenByDoctorWithinGuarantee"), elsewhere = m("wentElsewhereShare")
    let meets = fixed >= 0.55
    var out: String
    if sv {
      out = "\(F.percent(fixed, decimals: 0)) av de listade har fast läkarkontakt (målet är 55 %, \(meets ? "nått" : "inte nått"))"
      if let seen { out += "; \(F.percent(seen, decimals: 0)) av de akuta kontakter som behöver läkare fick läkarbesök inom vårdgarantin" }
      if let elsewhere { out += ", och \(F.percent(elsewhere, decimals: 0)) av läkarkontakterna sökte vård annanstans" }
      out += ". " + (meets ? "Prova `panelplan project` för att se hur det håller över åren." : "Prova `panelplan recruit` för att se hur många som behöver rekryteras.")
    } else {
      out = "\(F.percent(fixed, decimals: 0)) of the listed have a fixed doctor (target 55%, \(meets ? "met" : "not met"))"
      if let seen { out += "; \(F.percent(seen, decimals: 0)) of acute contacts needing a doctor saw one within the care guarantee" }
      if let elsewhere { out += ", and \(F.percent(elsewhere, decimals: 0)) of doctor contacts went elsewhere" }
      out += ". " + (meets ? "Try `panelplan project` to see how it holds over the years." : "Try `panelplan recruit` to find the hires needed.")
    }
    return out + "\n\n"
  }
}
