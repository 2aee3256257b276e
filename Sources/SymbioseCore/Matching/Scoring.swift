/// The score formula shared by both kinds of synergy: a weighted sum of terms in 0…1.
public enum Scoring {
    /// The five terms of a score, before weighting.
    public struct Values: Sendable {
        public var distance, volume, quality, time, confidence: Double

        public init(distance: Double, volume: Double, quality: Double, time: Double, confidence: Double) {
            (self.distance, self.volume, self.quality, self.time) = (distance, volume, quality, time)
            self.confidence = confidence
        }
    }

    public static func terms(
        distance: Double, volume: Double, quality: Double, time: Double, confidence: Double, weights: ScoreWeights
    ) -> [ScoreTerm] {
        let w = weights.normalized
        return [
            ScoreTerm(term: .distance, value: clamp(distance), weight: w.distance),
            ScoreTerm(term: .volume, value: clamp(volume), weight: w.volume),
            ScoreTerm(term: .quality, value: clamp(quality), weight: w.quality),
            ScoreTerm(term: .time, value: clamp(time), weight: w.time),
            ScoreTerm(term: .confidence, value: clamp(confidence), weight: w.confidence),
        ]
    }

    public static func terms(_ values: Values, weights: ScoreWeights) -> [ScoreTerm] {
        terms(
            distance: values.distance, volume: values.volume, quality: values.quality, time: values.time,
            confidence: values.confidence, weights: weights)
    }

    /// Σ weight × value, clamped to 0…1.
    public static func score(_ terms: [ScoreTerm]) -> Double {
        min(1, max(0, terms.reduce(0) { $0 + $1.weight * $1.value }))
    }

    /// The score of `values`, without building its terms: the same sum, term by term in the same
    /// order, so the same number to the last bit as `score(terms(values, weights:))`.
    public static func score(_ values: Values, normalizedWeights w: ScoreWeights) -> Double {
        var total = 0.0
        total += w.distance * clamp(values.distance)
        total += w.volume * clamp(values.volume)
        total += w.quality * clamp(values.quality)
        total += w.time * clamp(values.time)
        total += w.confidence * clamp(values.confidence)
        return min(1, max(0, total))
    }

    /// A term's value as it is weighed: 0…1, 0 when not finite.
    static func clamp(_ value: Double) -> Double { min(1, max(0, value.isFinite ? value : 0)) }
}
