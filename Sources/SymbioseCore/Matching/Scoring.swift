/// The score formula shared by both kinds of synergy: a weighted sum of terms in 0…1.
public enum Scoring {
    public static func terms(
        distance: Double, volume: Double, quality: Double, time: Double, confidence: Double, weights: ScoreWeights
    ) -> [ScoreTerm] {
        let w = weights.normalized
        func clamp(_ value: Double) -> Double { min(1, max(0, value.isFinite ? value : 0)) }
        return [
            ScoreTerm(term: .distance, value: clamp(distance), weight: w.distance),
            ScoreTerm(term: .volume, value: clamp(volume), weight: w.volume),
            ScoreTerm(term: .quality, value: clamp(quality), weight: w.quality),
            ScoreTerm(term: .time, value: clamp(time), weight: w.time),
            ScoreTerm(term: .confidence, value: clamp(confidence), weight: w.confidence),
        ]
    }

    /// Σ weight × value, clamped to 0…1.
    public static func score(_ terms: [ScoreTerm]) -> Double {
        min(1, max(0, terms.reduce(0) { $0 + $1.weight * $1.value }))
    }
}
