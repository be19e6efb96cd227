using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class AnalogyExplorerTests
{
    private static VectorIndex Index(params (string Word, float[] Vector)[] words) =>
        new(words.Select(w => w.Word).ToList(), new EmbeddingBatch(words.SelectMany(w => w.Vector).ToArray(), words.Length, words[0].Vector.Length, new bool[words.Length], EmbeddingStats.Empty));

    [Fact]
    public void Solve_KingManWoman_QueenFirstUnderBoth()
    {
        var index = Index(("man", [1, 0, 0]), ("woman", [1, 0.01f, 0]), ("king", [1, 0, 1]), ("queen", [1, 0.2f, 1]), ("apple", [0, -1, 0]));

        var answers = AnalogyExplorer.Solve(index, "man", "king", "woman");

        Assert.Null(answers.Problem);
        Assert.Equal("queen", answers.CosAdd[0].Label);
        Assert.Equal("queen", answers.CosMul[0].Label);
        Assert.DoesNotContain(answers.CosAdd, n => n.Label is "man" or "king" or "woman");
    }

    [Fact]
    public void Solve_UnknownWord_SaysWhich()
    {
        var index = Index(("man", [1, 0]), ("king", [0, 1]));

        var answers = AnalogyExplorer.Solve(index, "man", "king", "zebra");

        Assert.Equal("'zebra' is not in the vocabulary.", answers.Problem);
        Assert.Empty(answers.CosAdd);
    }
}
