using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class AnalogyExplorerTests
{
    [Fact]
    public void Solve_KingMinusManPlusWoman_QueenFirstUnderBoth()
    {
        // Dimensions: (male − female, royalty, person, fruit). king − man + woman = (−1, 1, 1, 0) = queen.
        var index = ToyIndexes.FromWords(
            ("man", [1, 0, 1, 0]), ("woman", [-1, 0, 1, 0]), ("king", [1, 1, 1, 0]), ("queen", [-1, 1, 1, 0]),
            ("girl", [-1, 0, 0.8f, 0]), ("apple", [0, 0, 0, 1]));

        var answers = AnalogyExplorer.Solve(index, "man", "king", "woman");

        Assert.Null(answers.Problem);
        Assert.Equal("queen", answers.CosAdd[0].Label);
        Assert.Equal("queen", answers.CosMul[0].Label);
        // By hand: cos(queen, king) = 1/3, cos(queen, man) = 0, cos(queen, woman) = 2/√6 = 0.816497.
        // 3CosAdd = 1/3 − 0 + 0.816497 = 1.149830; 3CosMul = (2/3) · 0.908248 / (1/2 + 0.001) = 1.208581.
        // The offset of the unit vectors, king/√3 − man/√2 + woman/√2 = (1/√3 − √2, 1/√3, 1/√3, 0), has
        // length 1.169191, so queen's cosine with it is 1.149830 / 1.169191 = 0.983441.
        Assert.Equal(1.149830f, answers.CosAdd[0].Score, 5);
        Assert.Equal(1.208581f, answers.CosMul[0].Score, 5);
        Assert.Equal(0.983441f, answers.CosAdd[0].Cosine, 5);
        Assert.Equal(3, answers.CosAdd.Count); // six words minus the three question words
        Assert.DoesNotContain(answers.CosAdd.Concat(answers.CosMul), n => n.Label is "man" or "king" or "woman");
    }

    [Fact]
    public void Solve_OneTermDominates_CosAddAndCosMulDisagree()
    {
        // london : england :: baghdad : ?  (Levy & Goldberg 2014's motivating example, on unit vectors.)
        // mosul is only very close to baghdad: cos(mosul, ·) = 0 (london), 0 (england), 0.95 (baghdad).
        // iraq is moderately close to both england and baghdad: 0.1, 0.5, 0.5.
        // 3CosAdd sums: mosul 0 − 0 + 0.95 = 0.95 > iraq 0.5 − 0.1 + 0.5 = 0.90, one big term wins.
        // 3CosMul multiplies shifted cosines: mosul 0.5 · 0.975 / 0.501 = 0.973054,
        // iraq 0.75 · 0.75 / 0.551 = 1.020871: a word must be close to both b and c.
        var index = ToyIndexes.FromWords(
            ("london", [1, 0, 0, 0, 0]), ("england", [0, 1, 0, 0, 0]), ("baghdad", [0, 0, 1, 0, 0]),
            ("mosul", [0, 0, 0.95f, MathF.Sqrt(1 - 0.95f * 0.95f), 0]), ("iraq", [0.1f, 0.5f, 0.5f, 0, 0.7f]));

        var answers = AnalogyExplorer.Solve(index, "london", "england", "baghdad");

        Assert.Equal(["mosul", "iraq"], answers.CosAdd.Select(c => c.Label));
        Assert.Equal(["iraq", "mosul"], answers.CosMul.Select(c => c.Label));
        Assert.Equal(0.95f, answers.CosAdd[0].Score, 4);
        Assert.Equal(0.90f, answers.CosAdd[1].Score, 4);
        Assert.Equal(1.020871f, answers.CosMul[0].Score, 4);
        Assert.Equal(0.973054f, answers.CosMul[1].Score, 4);
    }

    [Fact]
    public void Solve_UnknownWords_SaysWhich()
    {
        var index = ToyIndexes.FromWords(("man", [1, 0]), ("king", [0, 1]));

        var answers = AnalogyExplorer.Solve(index, "man", "xyz", "zebra");

        Assert.Equal("'xyz' is not in the vocabulary. 'zebra' is not in the vocabulary.", answers.Problem);
        Assert.Equal(["xyz", "zebra"], answers.MissingWords);
        Assert.Empty(answers.CosAdd);
        Assert.Empty(answers.CosMul);
    }

    [Fact]
    public void CosMul_OppositeOfA_StaysFiniteThanksToEpsilon()
    {
        // cos(w, a) = −1 shifts to 0; the denominator is then ε = 0.001: 1 · 1 / 0.001 = 1000.
        Assert.Equal(1000f, AnalogyScoring.CosMul(cosA: -1, cosB: 1, cosC: 1), 2);
    }
}
