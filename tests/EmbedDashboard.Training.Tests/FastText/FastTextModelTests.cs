using EmbedDashboard.Training.FastText;

namespace EmbedDashboard.Training.Tests.FastText;

public sealed class FastTextModelTests
{
    private static FastTextModel TinyModel(int seed)
    {
        const int rows = 7, dim = 5, classes = 3;
        var random = new Random(seed);
        var table = Enumerable.Range(0, rows * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var model = new FastTextModel(rows, dim, classes, table);
        for (var i = 0; i < model.Weights.Length; i++) model.Weights[i] = (float)(random.NextDouble() * 2 - 1);
        for (var i = 0; i < model.Bias.Length; i++) model.Bias[i] = (float)(random.NextDouble() - 0.5);
        return model;
    }

    [Fact]
    public void Gradients_TinyModel_MatchCentralFiniteDifferences()
    {
        var model = TinyModel(seed: 3);
        int[] text = [1, 4, 4, 6]; // row 4 twice: its gradient must count both occurrences.
        const int label = 2;
        var g = new GradientBuffers(model.Dimension, model.Classes);
        model.Gradients(text, label, g);
        var dRow = (float[])g.DRow.Clone();
        var dW = (float[])g.DWeights.Clone();
        var dB = (float[])g.DBias.Clone();

        // Central differences in float: step 1e-2 keeps the rounding error (~1e-7/1e-2) far below the tolerance.
        const float h = 1e-2f;
        double Numeric(float[] parameters, int index)
        {
            var saved = parameters[index];
            parameters[index] = saved + h;
            var up = model.Loss(text, label);
            parameters[index] = saved - h;
            var down = model.Loss(text, label);
            parameters[index] = saved;
            return (up - down) / (2 * h);
        }

        for (var i = 0; i < dW.Length; i++) Assert.Equal(Numeric(model.Weights, i), dW[i], 2e-3);
        for (var i = 0; i < dB.Length; i++) Assert.Equal(Numeric(model.Bias, i), dB[i], 2e-3);
        foreach (var (row, occurrences) in new[] { (1, 1), (4, 2), (6, 1), (0, 0) })
        {
            for (var k = 0; k < model.Dimension; k++)
            {
                Assert.Equal(Numeric(model.Embeddings, row * model.Dimension + k), occurrences * dRow[k], 2e-3);
            }
        }
    }

    [Fact]
    public void Gradients_EmptyText_OnlyBiasMoves()
    {
        var model = TinyModel(seed: 5);
        var g = new GradientBuffers(model.Dimension, model.Classes);

        model.Gradients([], 0, g);

        Assert.All(g.DWeights, v => Assert.Equal(0f, v));
        Assert.All(g.DRow, v => Assert.Equal(0f, v));
        Assert.True(g.DBias[0] < 0, "the true class's logit must be pushed up");
    }
}
