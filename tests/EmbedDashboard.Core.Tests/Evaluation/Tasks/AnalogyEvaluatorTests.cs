using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class AnalogyEvaluatorTests
{
    // woman ≈ man, so king − man + woman ≈ king: king wins by both methods unless the question's own
    // words are excluded; among the others queen is nearest (checked in python3 with both formulas:
    // without exclusion → king/king, with exclusion → queen/queen).
    private static readonly Dictionary<string, float[]> Royals = new()
    {
        ["man"] = [1, 0, 0],
        ["woman"] = [1, 0.01f, 0],
        ["king"] = [1, 0, 1],
        ["queen"] = [1, 0.2f, 1],
        ["apple"] = [0, -1, 0],
    };

    private static readonly string[] RoyalVocabulary = ["man", "woman", "king", "queen", "apple"];

    [Fact]
    public async Task EvaluateAsync_QuestionWordsWouldWin_ExcludedSoQueenFound()
    {
        var result = await AnalogyEvaluator.EvaluateAsync(new TableEmbedder(Royals), [new("royal", "man", "king", "woman", "queen")], RoyalVocabulary, new AnalogyOptions(), EmbedOptions.Default);

        Assert.Equal(TaskKind.Analogy, result.Task);
        Assert.Equal("3cosadd_accuracy", result.Primary.Name);
        Assert.Equal(1, result.AddAccuracy);
        Assert.Equal(1, result.MulAccuracy);
        Assert.Equal(5, result.VocabularySize);
    }

    [Fact]
    public async Task EvaluateAsync_OneTermDominates_3CosMulDisagreesWith3CosAdd()
    {
        // Found by a seeded search in python3 and checked with both formulas: for a:b :: c:?,
        // 3CosAdd scores x 0.147, y 0.456 → y; 3CosMul scores x 0.468, y 0.003 → x
        // (y is nearly opposite to c, which 3CosMul's product punishes and 3CosAdd's sum does not).
        var vectors = new Dictionary<string, float[]>
        {
            ["a"] = [0.3f, -0.9f],
            ["b"] = [0.5f, 0.2f],
            ["c"] = [-0.4f, -0.9f],
            ["x"] = [0.7f, -0.1f],
            ["y"] = [0.4f, 0.8f],
        };
        AnalogyQuestion[] questions = [new("s", "a", "b", "c", "x"), new("s", "a", "b", "c", "y")];

        var result = await AnalogyEvaluator.EvaluateAsync(new TableEmbedder(vectors), questions, ["a", "b", "c", "x", "y"], new AnalogyOptions(), EmbedOptions.Default);

        // Question 1 expects x (3CosMul's answer), question 2 expects y (3CosAdd's answer).
        Assert.Equal(0.5, result.AddAccuracy);
        Assert.Equal(0.5, result.MulAccuracy);
        var section = Assert.Single(result.Sections);
        Assert.Equal((1, 1), (section.CorrectAdd, section.CorrectMul));
    }

    [Fact]
    public async Task EvaluateAsync_WordsOutsideRestrictedVocabulary_NotCoveredButCountedInAll()
    {
        // N = 4 keeps man, woman, king, queen; "apple" (5th) is outside, so the second question is not
        // covered, nor the third ("zebra" is nowhere).
        AnalogyQuestion[] questions = [new("royal", "man", "king", "woman", "queen"), new("fruit", "man", "apple", "woman", "queen"), new("fruit", "man", "zebra", "woman", "queen")];
        var embedder = new TableEmbedder(Royals);

        var result = await AnalogyEvaluator.EvaluateAsync(embedder, questions, RoyalVocabulary, new AnalogyOptions { VocabularySize = 4 }, EmbedOptions.Default);

        Assert.Equal(4, result.VocabularySize);
        Assert.Equal(4, result.Secondary["vocabulary"].Mean);
        Assert.Equal(["man", "woman", "king", "queen"], Assert.Single(embedder.Calls));
        Assert.Equal(new EvaluationCounts(1, NotCovered: 2), result.Counts);
        Assert.Equal(1, result.AddAccuracy);
        Assert.Equal(1.0 / 3, result.AddAccuracyAll, 12);
        Assert.Equal(1.0 / 3, result.Secondary["3cosmul_accuracy_all"].Mean, 12);
        Assert.Equal(["royal", "fruit"], result.Sections.Select(s => s.Section));
        Assert.Equal(new AnalogySectionScore("fruit", 2, 0, 0, 0), result.Sections[1]);
        Assert.True(double.IsNaN(result.Secondary["3cosadd[fruit]"].Mean));
    }

    [Fact]
    public async Task EvaluateAsync_CaseVariants_FirstVariantAnswersAndOthersNeverDo()
    {
        // "Queen" (capitalised, later in the list) duplicates "queen" when case is ignored: it must not be
        // a separate candidate, and capitalised question words match.
        var vectors = new Dictionary<string, float[]>(Royals) { ["Queen"] = [1, 0.19f, 1] };

        var result = await AnalogyEvaluator.EvaluateAsync(new TableEmbedder(vectors), [new("royal", "Man", "King", "Woman", "Queen")], [.. RoyalVocabulary, "Queen"], new AnalogyOptions(), EmbedOptions.Default);

        Assert.Equal(1, result.AddAccuracy);
        Assert.Equal(1, result.MulAccuracy);
    }

    [Fact]
    public async Task EvaluateAsync_CaseSensitive_CapitalisedWordsNotCovered()
    {
        var result = await AnalogyEvaluator.EvaluateAsync(new TableEmbedder(Royals), [new("royal", "Man", "king", "woman", "queen")], RoyalVocabulary, new AnalogyOptions { CaseInsensitive = false }, EmbedOptions.Default);

        Assert.Equal(0, result.Counts.Evaluated);
    }

    [Fact]
    public async Task EvaluateAsync_RandomVectors_SameAnswersAsBruteForceInDouble()
    {
        // 800 random 12-d words, 400 questions over 60 frequent words, each expecting the answer of a plain
        // double-precision search: both accuracies must be 1 (questions whose winner leads by less than
        // 1e-4 are left out, so float rounding cannot flip them).
        const int n = 800, d = 12;
        var (x, vocabulary, embedder) = RandomWords(n, d, seed: 21);
        var questions = RandomQuestions(400, 60, seed: 22);

        var (byAdd, byMul) = BruteForceAnswers(x, n, d, questions);
        var add = await AnalogyEvaluator.EvaluateAsync(embedder, byAdd, vocabulary, new AnalogyOptions(), EmbedOptions.Default);
        var mul = await AnalogyEvaluator.EvaluateAsync(embedder, byMul, vocabulary, new AnalogyOptions(), EmbedOptions.Default);

        Assert.True(byAdd.Count > 380 && byMul.Count > 380, $"{byAdd.Count} and {byMul.Count} clear questions");
        Assert.Equal(1, add.AddAccuracy);
        Assert.Equal(1, mul.MulAccuracy);
    }

    [Fact]
    public async Task EvaluateAsync_TinySearchMemory_SameAnswersInManyChunks()
    {
        // 3 similarity rows of 500 words fit in 6,000 bytes: every question becomes its own chunk, and the
        // answers must still be the brute-force ones.
        const int n = 500, d = 8;
        var (x, vocabulary, embedder) = RandomWords(n, d, seed: 31);
        var (byAdd, byMul) = BruteForceAnswers(x, n, d, RandomQuestions(150, n, seed: 32));
        var tiny = new AnalogyOptions { SearchMemoryBytes = 6_000 };

        var add = await AnalogyEvaluator.EvaluateAsync(embedder, byAdd, vocabulary, tiny, EmbedOptions.Default);
        var mul = await AnalogyEvaluator.EvaluateAsync(embedder, byMul, vocabulary, tiny, EmbedOptions.Default);

        Assert.Equal(1, add.AddAccuracy);
        Assert.Equal(1, mul.MulAccuracy);
    }

    private static (float[] X, List<string> Vocabulary, TableEmbedder Embedder) RandomWords(int n, int d, int seed)
    {
        var x = ToyData.Uniform(n * d, seed);
        return (x, Enumerable.Range(0, n).Select(i => $"w{i}").ToList(), new TableEmbedder(ToyData.Table(x, d, "w")));
    }

    /// <summary>Questions over the first `words` words with distinct a, b, c, in three sections; D is filled in later.</summary>
    private static List<AnalogyQuestion> RandomQuestions(int count, int words, int seed)
    {
        var random = new Random(seed);
        var questions = new List<AnalogyQuestion>();
        while (questions.Count < count)
        {
            int a = random.Next(words), b = random.Next(words), c = random.Next(words);
            if (a != b && b != c && a != c) questions.Add(new AnalogyQuestion($"s{questions.Count % 3}", $"w{a}", $"w{b}", $"w{c}", ""));
        }

        return questions;
    }

    /// <summary>The questions with D set to the brute-force 3CosAdd (resp. 3CosMul) answer, clear winners only.</summary>
    private static (List<AnalogyQuestion> ByAdd, List<AnalogyQuestion> ByMul) BruteForceAnswers(float[] x, int n, int d, List<AnalogyQuestion> questions)
    {
        var byAdd = new List<AnalogyQuestion>();
        var byMul = new List<AnalogyQuestion>();
        foreach (var q in questions)
        {
            var (add, mul, addClear, mulClear) = BruteForce(x, n, d, q);
            if (addClear) byAdd.Add(q with { D = $"w{add}" });
            if (mulClear) byMul.Add(q with { D = $"w{mul}" });
        }

        return (byAdd, byMul);
    }

    /// <summary>Plain search in double precision: argmax of each formula over all words but a, b, c, and whether each winner leads by > 1e-4.</summary>
    private static (int Add, int Mul, bool AddClear, bool MulClear) BruteForce(float[] x, int n, int d, AnalogyQuestion q)
    {
        int a = int.Parse(q.A[1..]), b = int.Parse(q.B[1..]), c = int.Parse(q.C[1..]);
        var add = new List<(double Score, int Word)>();
        var mul = new List<(double Score, int Word)>();
        for (var w = 0; w < n; w++)
        {
            if (w == a || w == b || w == c) continue;
            double ca = Cos(w, a), cb = Cos(w, b), cc = Cos(w, c);
            add.Add((cb - ca + cc, w));
            mul.Add(((cb + 1) / 2 * ((cc + 1) / 2) / ((ca + 1) / 2 + 1e-3), w));
        }

        add.Sort((p, r) => r.Score.CompareTo(p.Score));
        mul.Sort((p, r) => r.Score.CompareTo(p.Score));
        return (add[0].Word, mul[0].Word, add[0].Score - add[1].Score > 1e-4, mul[0].Score - mul[1].Score > 1e-4);

        double Cos(int i, int j)
        {
            double dot = 0, ni = 0, nj = 0;
            for (var k = 0; k < d; k++)
            {
                dot += x[i * d + k] * (double)x[j * d + k];
                ni += x[i * d + k] * (double)x[i * d + k];
                nj += x[j * d + k] * (double)x[j * d + k];
            }

            return dot / Math.Sqrt(ni * nj);
        }
    }
}
