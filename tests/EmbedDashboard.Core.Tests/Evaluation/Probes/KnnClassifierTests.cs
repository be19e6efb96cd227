using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Tests.Evaluation.Probes;

public sealed class KnnClassifierTests
{
    // Training points on the unit circle at 0°, 10°, 20° (label 0) and 90°, 100° (label 1).
    private static readonly float[] Train = [.. Direction(0), .. Direction(10), .. Direction(20), .. Direction(90), .. Direction(100)];
    private static readonly int[] Labels = [0, 0, 0, 1, 1];

    [Fact]
    public void Predict_MajorityOfThreeNearest_Wins()
    {
        // Query at 60°: nearest are 90° (30° away), 100° (40°), 20° (40°, tie broken by index) → 1, 1, 0 → label 1.
        Assert.Equal([1], KnnClassifier.Predict(Train, Labels, Direction(60), 1, 2, k: 3));
    }

    [Fact]
    public void Predict_ScaleOfQuery_DoesNotMatter()
    {
        // Cosine similarity: a long vector at 5° is still nearest to label 0.
        Assert.Equal([0], KnnClassifier.Predict(Train, Labels, [.. Direction(5).Select(v => v * 50)], 1, 2, k: 3));
    }

    [Fact]
    public void Predict_TiedVote_NearestLabelWins()
    {
        // k = 2 at 58°: nearest 90° (32° away, label 1) then 20° (38°, label 0): one vote each, and the
        // nearest decides (a lowest-label rule would say 0).
        Assert.Equal([1], KnnClassifier.Predict(Train, Labels, Direction(58), 1, 2, k: 2));
    }

    [Fact]
    public void Predict_KLargerThanTrainingSet_UsesAll()
    {
        Assert.Equal([0], KnnClassifier.Predict(Train, Labels, Direction(45), 1, 2, k: 50));
    }

    private static float[] Direction(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];
}
