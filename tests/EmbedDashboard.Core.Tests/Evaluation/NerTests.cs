using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation;

public sealed class NerTests
{
    [Fact]
    public void Spans_IAfterOAndTypeChange_StartNewEntities()
    {
        // seqeval default: "I-PER" after "O" opens an entity; "I-LOC" after "B-PER" closes PER and opens LOC.
        var spans = EntityMetrics.Spans(["B-PER", "I-PER", "O", "I-PER", "I-LOC", "B-LOC", "B-LOC"]);

        Assert.Equal([new(0, 2, "PER"), new(3, 4, "PER"), new(4, 5, "LOC"), new(5, 6, "LOC"), new EntitySpan(6, 7, "LOC")], spans);
    }

    [Fact]
    public void Score_BoundaryError_CountsAsMiss()
    {
        // Gold: PER(0,2), LOC(3,4). Predicted: PER(0,1) (boundary wrong), LOC(3,4) → P = 1/2, R = 1/2, F1 = 1/2.
        var scores = EntityMetrics.Score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]]);

        Assert.Equal(0.5, scores.Precision);
        Assert.Equal(0.5, scores.Recall);
        Assert.Equal(0.5, scores.F1);
        Assert.Equal(1, EntityMetrics.Score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]], "LOC").F1);
    }

    [Fact]
    public async Task Evaluate_SeparableWordVectors_PerfectEntityF1()
    {
        // Names have their own direction in the toy vectors, so a linear tag probe can find them.
        var vectors = new Dictionary<string, float[]> { ["alice"] = [1, 0, 0], ["bob"] = [0.9f, 0.1f, 0], ["paris"] = [0, 1, 0], ["rome"] = [0.1f, 0.9f, 0], ["went"] = [0, 0, 1], ["to"] = [0, 0.1f, 0.9f] };
        var sentences = new List<TaggedSentence>();
        for (var i = 0; i < 40; i++)
        {
            var name = i % 2 == 0 ? "alice" : "bob";
            var city = i % 3 == 0 ? "paris" : "rome";
            sentences.Add(new TaggedSentence([name, "went", "to", city], ["B-PER", "O", "O", "B-LOC"], i < 30 ? Split.Train : Split.Test));
        }

        var result = await NerEvaluator.EvaluateAsync(new WordTable(vectors), sentences, 0, 1, EmbedOptions.Default, null, default);

        Assert.Equal("entity_f1", result.Primary.Name);
        Assert.Equal(1, result.Primary.Value.Mean);
        Assert.Equal(20, result.Secondary.Single(m => m.Name == "test_entities").Value.Mean); // 10 test sentences × 2 entities
    }

    private sealed class WordTable(IReadOnlyDictionary<string, float[]> vectors) : IWordLevelEmbedder
    {
        public EmbedderInfo Info { get; } = new("w", "w", EmbedderKind.StaticWordVectors, 3, 0, "", "", "");

        public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var words = sentences.SelectMany(s => s).ToList();
            var data = words.SelectMany(w => vectors[w]).ToArray();
            return Task.FromResult(new EmbeddingBatch(data, words.Count, 3, new bool[words.Count], EmbeddingStats.Empty));
        }
    }
}
