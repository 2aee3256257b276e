/// The flows one firm did not declare that its activity usually has.
public struct Suggestion: Sendable {
    public var profile: Profile
    public var activity: ActivityProfile?
    public var missing: [TypicalFlow]

    public init(profile: Profile, base: ActivityBase) {
        self.profile = profile
        activity = base.activity(naf: profile.company.naf)
        missing = ActivityInference.missing(in: profile, base: base)
    }
}
