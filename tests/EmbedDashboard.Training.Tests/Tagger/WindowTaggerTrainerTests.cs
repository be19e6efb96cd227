using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Training.Tagger;

namespace EmbedDashboard.Training.Tests.Tagger;

public sealed class WindowTaggerTrainerTests
{
    private static readonly string[] People = ["John", "Mary", "Peter", "Anna", "Omar", "Ines", "Karl", "Lena"];
    private static readonly string[] Places = ["Paris", "London", "Berlin", "Rome", "Oslo", "Lima", "Cairo", "Delhi"];

    // Names are tagged by their context only: "X met Y", "X lives in Z", "we flew to Z from Z".
    private static List<TaggedSentence> Toy(int count, int seed, string[]? people = null, string[]? places = null)
    {
        people ??= People;
        places ??= Places;
        var random = new Random(seed);
        string P() => people[random.Next(people.Length)];
        string L() => places[random.Next(places.Length)];
        var sentences = new List<TaggedSentence>();
        for (var i = 0; i < count; i++)
        {
            sentences.Add((i % 3) switch
            {
                0 => new TaggedSentence([P(), "met", P(), "yesterday", "."], ["B-PER", "O", "B-PER", "O", "O"]),
                1 => new TaggedSentence([P(), "lives", "in", L(), "."], ["B-PER", "O", "O", "B-LOC", "O"]),
                _ => new TaggedSentence(["we", "flew", "to", L(), "from", L()], ["O", "O", "O", "B-LOC", "O", "B-LOC"]),
            });
        }

        return sentences;
    }

    private static readonly WindowTaggerOptions Small = new() { Dimension = 12, Buckets = 2000, MinCount = 1, Epochs = 3, LearningRate = 0.01 };

    [Fact]
    public void Train_ToyNer_LossFallsAndHeldOutTaggedRight()
    {
        var result = WindowTaggerTrainer.Train(Toy(300, seed: 1), Small, test: Toy(90, seed: 2));

        // Untrained, the zero output layer gives ln 3 ≈ 1.10 per word.
        Assert.True(result.Curve[^1].Loss < 0.2 * result.Curve[0].Loss, $"loss {result.Curve[0].Loss:0.000} → {result.Curve[^1].Loss:0.000}");
        Assert.True(result.TestTokenAccuracy > 0.98, $"held-out token accuracy {result.TestTokenAccuracy}");
        Assert.True(result.TestEntityF1 > 0.95, $"held-out entity F1 {result.TestEntityF1}");
        Assert.Equal(["B-LOC", "B-PER", "O"], result.TagNames);
        Assert.Equal(900, result.SentencesSeen);
    }

    [Fact]
    public void Train_UnseenNames_TaggedByContext()
    {
        var result = WindowTaggerTrainer.Train(Toy(300, seed: 1), Small);

        Assert.Equal(["B-PER", "O", "B-PER", "O", "O"], WindowTaggerTrainer.Tag(result, ["Zork", "met", "Quib", "yesterday", "."]));
        Assert.Equal(["O", "O", "O", "B-LOC", "O", "B-LOC"], WindowTaggerTrainer.Tag(result, ["we", "flew", "to", "Zork", "from", "Quib"]));
    }

    [Fact]
    public void Train_SameSeed_SameTable()
    {
        var data = Toy(60, seed: 1);
        var options = Small with { Epochs = 2 };

        var a = WindowTaggerTrainer.Train(data, options);
        var b = WindowTaggerTrainer.Train(data, options);
        var c = WindowTaggerTrainer.Train(data, options with { Seed = 99 });

        Assert.Equal(a.Model.Embeddings, b.Model.Embeddings);
        Assert.Equal(a.Model.Weights, b.Model.Weights);
        Assert.Equal(a.Curve.Select(p => p.Loss), b.Curve.Select(p => p.Loss));
        Assert.NotEqual(a.Model.Embeddings, c.Model.Embeddings);
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Point is { Step: > 100 }) cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            WindowTaggerTrainer.Train(Toy(300, seed: 1), Small with { Epochs = 100 }, progress: progress, cancellationToken: cts.Token));
    }

    [Fact]
    public void Train_ReportsRisingFractionsWithLoss()
    {
        var reports = new List<TrainingProgress>();

        WindowTaggerTrainer.Train(Toy(60, seed: 1), Small, progress: new SyncProgress(reports.Add));

        var points = reports.Where(r => r.Point is not null).ToList();
        Assert.NotEmpty(points);
        Assert.Equal(points.Select(p => p.Fraction).Order(), points.Select(p => p.Fraction));
        Assert.All(points, p => Assert.InRange(p.Fraction, 0, 1));
        Assert.All(points, p => Assert.True(p.Point!.Loss > 0));
    }

    [Theory]
    [InlineData(1, 2, 10, 1, 0.01, "Dimension must be between 2 and 1000")]
    [InlineData(1001, 2, 10, 1, 0.01, "Dimension must be between 2 and 1000")]
    [InlineData(10, 6, 10, 1, 0.01, "Window radius must be between 0 and 5")]
    [InlineData(10, 2, -1, 1, 0.01, "Buckets must be between 0 and 4,000,000")]
    [InlineData(10, 2, 10, 0, 0.01, "Epochs must be between 1 and 100")]
    [InlineData(10, 2, 10, 1, 0, "Learning rate must be above 0")]
    [InlineData(1000, 2, 4_000_000, 1, 0.01, "The table could reach")]
    public void Validate_BadOptions_SpecificMessage(int dimension, int radius, int buckets, int epochs, double rate, string expected)
    {
        var problems = new WindowTaggerOptions { Dimension = dimension, WindowRadius = radius, Buckets = buckets, Epochs = epochs, LearningRate = rate }.Validate();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(new WindowTaggerOptions().Validate());
    }

    [Fact]
    public void Train_OnlyMalformedSentences_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => WindowTaggerTrainer.Train([new TaggedSentence(["a", "b"], ["O"])], Small));

        Assert.Contains("nothing to train on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MalformedSentence_SkippedAndCounted()
    {
        var data = Toy(30, seed: 1);
        data.Add(new TaggedSentence(["a", "b"], ["O"]));

        var result = WindowTaggerTrainer.Train(data, Small with { Epochs = 1 });

        Assert.Equal(1, result.SkippedSentences);
        Assert.Equal(30, result.SentencesSeen);
    }

    [Fact]
    public async Task SaveLoad_RoundTrip_IdenticalVectors()
    {
        var result = WindowTaggerTrainer.Train(Toy(60, seed: 1), Small with { Epochs = 1, LowerCase = true });
        var folder = Path.Combine(Path.GetTempPath(), "tagger-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            TaggerTable.From(result).Save(folder);
            var loaded = TaggerTable.Load(folder);
            var info = TaggerTableEmbedderTests.Info(12);
            IReadOnlyList<string>[] words = [["John", "MARY", "flew", "Zork", "."]];

            var before = await TaggerTableEmbedder.From(TaggerTable.From(result), info).EmbedWordsAsync(words, EmbedOptions.Default);
            var after = await TaggerTableEmbedder.From(loaded, info).EmbedWordsAsync(words, EmbedOptions.Default);

            Assert.Equal(before.Data, after.Data);
            Assert.Equal(result.Vocabulary.Words, loaded.Vocabulary.Words);
            Assert.True(loaded.Vocabulary.LowerCase);
            Assert.Equal(12, loaded.Dimension);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_WordsFileShort_InvalidDataNamingIt()
    {
        var result = WindowTaggerTrainer.Train(Toy(30, seed: 1), Small with { Epochs = 1 });
        var folder = Path.Combine(Path.GetTempPath(), "tagger-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            TaggerTable.From(result).Save(folder);
            var wordsFile = Path.Combine(folder, "words.txt");
            File.WriteAllLines(wordsFile, File.ReadAllLines(wordsFile).Skip(1));

            var error = Assert.Throws<InvalidDataException>(() => TaggerTable.Load(folder));

            Assert.Contains("words.txt", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
