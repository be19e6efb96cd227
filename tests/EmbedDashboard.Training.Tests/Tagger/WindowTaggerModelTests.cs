using EmbedDashboard.Training.Tagger;

namespace EmbedDashboard.Training.Tests.Tagger;

public sealed class WindowTaggerModelTests
{
    private static WindowTaggerModel TinyModel(int seed)
    {
        const int rows = 6, dim = 3, tags = 3, radius = 2;
        var random = new Random(seed);
        float Next() => (float)(random.NextDouble() * 2 - 1);
        var model = new WindowTaggerModel(rows, dim, tags, radius, Enumerable.Range(0, rows * dim).Select(_ => Next()).ToArray());
        for (var i = 0; i < model.Weights.Length; i++) model.Weights[i] = Next();
        for (var i = 0; i < model.Bias.Length; i++) model.Bias[i] = Next() / 2;
        for (var i = 0; i < model.Padding.Length; i++) model.Padding[i] = Next();
        return model;
    }

    // Word [0,3] occurs twice in one window (positions 0 and 2), word [1,3,3] repeats a row inside itself,
    // row 3 is shared by three words, an empty word has the zero vector, rows 2 and 5 are never used,
    // and the two-word sentence has padding on both sides of every window.
    private static readonly TaggedRows[] Sentences =
    [
        new([[0, 3], [1, 3, 3], [0, 3], []], [0, 2, 1, 2]),
        new([[4], [0]], [1, 0]),
    ];

    [Fact]
    public void Gradients_TinyModel_MatchCentralFiniteDifferences()
    {
        var model = TinyModel(seed: 3);
        var g = new TaggerGradients(model);
        var loss = model.Gradients(Sentences, g);
        Assert.Equal(model.Loss(Sentences), loss, 1e-6);

        // The model computes in float. Central differences with h = 1e-2: the truncation error is
        // ~h²/6·L''' ≈ 2e-5 and the rounding error ~1e-7/h ≈ 1e-5, so 1e-3 (absolute, gradients here are
        // O(0.1)) separates a correct gradient from one off by a share, a sign or a missed occurrence.
        const float h = 1e-2f;
        const double tolerance = 1e-3;
        double Numeric(float[] parameters, int index)
        {
            var saved = parameters[index];
            parameters[index] = saved + h;
            var up = model.Loss(Sentences);
            parameters[index] = saved - h;
            var down = model.Loss(Sentences);
            parameters[index] = saved;
            return (up - down) / (2 * h);
        }

        var dW = (float[])g.DWeights.Clone();
        var dB = (float[])g.DBias.Clone();
        var dP = (float[])g.DPadding.Clone();
        for (var i = 0; i < dW.Length; i++) Assert.Equal(Numeric(model.Weights, i), dW[i], tolerance);
        for (var i = 0; i < dB.Length; i++) Assert.Equal(Numeric(model.Bias, i), dB[i], tolerance);
        for (var i = 0; i < dP.Length; i++) Assert.Equal(Numeric(model.Padding, i), dP[i], tolerance);
        for (var row = 0; row < model.Rows; row++)
        {
            var analytic = g.Row(row).ToArray();
            for (var k = 0; k < model.Dimension; k++) Assert.Equal(Numeric(model.Embeddings, row * model.Dimension + k), analytic[k], tolerance);
        }

        // The check means something only if the gradients are well above the tolerance.
        Assert.True(g.Row(3).ToArray().Max(Math.Abs) > 0.02, "row 3's gradient is too small to test");
        Assert.Equal([0, 1, 3, 4], g.TouchedRows.Order().ToArray());
    }

    [Fact]
    public void Gradients_SecondCall_ClearsTheFirst()
    {
        var model = TinyModel(seed: 4);
        var g = new TaggerGradients(model);
        model.Gradients(Sentences, g);
        var once = g.Row(3).ToArray();

        model.Gradients(Sentences, g);

        Assert.Equal(once, g.Row(3).ToArray());
        model.Gradients([], g);
        Assert.Empty(g.TouchedRows);
        Assert.All(g.DWeights, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Loss_ZeroOutputLayer_IsLogOfTagCount()
    {
        var model = new WindowTaggerModel(6, 3, 3, 2, new float[18]);

        Assert.Equal(Math.Log(3), model.Loss(Sentences), 1e-6);
    }

    [Fact]
    public void Loss_TagOutsideRange_Throws()
    {
        var model = TinyModel(seed: 5);

        var error = Assert.Throws<ArgumentException>(() => model.Loss([new TaggedRows([[0]], [3])]));

        Assert.Contains("Tag index 3", error.Message, StringComparison.Ordinal);
    }
}
