extension GuidelineParameters: Codable {
  /// The five panel figures (the rest as `GuidelineParameters()`) and,
  /// optionally, `experienceSteps`: `[{"minYears": 0, "factor": 0.8},
  /// {"minYears": 3, "factor": 1.0}]` (the last step at or below a
  /// doctor's years applies); no steps, no adjustment.
  static var jsonFields: JSONFields<GuidelineParameters> {
    JSONFields([
      .field("specialistPanel", \.specialistPanel), .field("traineeAfterMidTrainingPanel", \.traineeAfterMidTrainingPanel),
      .field("traineeBeforeMidTrainingPanel", \.traineeBeforeMidTrainingPanel), .field("licensedDoctorPanel", \.licensedDoctorPanel),
      .field("locumPanel", \.locumPanel),
      .custom(
        "experienceSteps",
        decode: { g, d in g.experienceAdjustment = ExperienceAdjustment(steps: try [ExperienceStep](from: d).map { ($0.minYears, $0.factor) }) },
        encode: { g, c, k in
          if let e = g.experienceAdjustment { try c.encode(zip(e.minYears, e.factors).map { ExperienceStep(minYears: $0, factor: $1) }, forKey: k) }
        }),
    ])
  }

  public init(from decoder: any Decoder) throws { self = try Self.jsonFields.decode(GuidelineParameters(), from: decoder) }
  public func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}

/// One step of an `ExperienceAdjustment` as a file writes it; both fields
/// required and 0 or more (a negative factor would make capacity negative).
struct ExperienceStep: Codable {
  var minYears: Double
  var factor: Double

  static var jsonFields: JSONFields<ExperienceStep> { JSONFields([.required("minYears", \.minYears), .required("factor", \.factor)]) }

  init(minYears: Double, factor: Double) {
    self.minYears = minYears
    self.factor = factor
  }

  init(from decoder: any Decoder) throws {
    self = try Self.jsonFields.decode(ExperienceStep(minYears: 0, factor: 0), from: decoder)
    guard minYears >= 0, factor >= 0, factor.isFinite else {
      throw DecodingError.dataCorrupted(.init(
        codingPath: decoder.codingPath, debugDescription: "found minYears \(minYears), factor \(factor); expected both 0 or more"))
    }
  }

  func encode(to encoder: any Encoder) throws { try Self.jsonFields.encode(self, to: encoder) }
}
