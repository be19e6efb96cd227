using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Runner.Tests;

/// <summary>The QA and FAQ retrieval evaluators on the real Python FAQ built-in (Debian python3.11-doc, installed by set-up/.ci/run).</summary>
public sealed class PythonFaqQaTests
{
    [Fact]
    public async Task Evaluate_PythonFaqWithGlove_BetterThanRandomRanking()
    {
        await AssetSetup.EnsureAsync(AppPaths.Root());
        var (pairs, qa) = PythonFaqConverter.Convert(PythonFaqConverter.DefaultFolder);
        var models = Path.Combine(AppPaths.Root(), "models");
        var glove = new StaticWordEmbedder(WordVectors.Load(ModelLayout.GloveFile(models)),
            new EmbedderInfo("glove", "GloVe", EmbedderKind.StaticWordVectors, 100, 0, "", "", ""));

        var retrieval = await FaqRetrievalEvaluator.EvaluateAsync(glove, pairs.Items, EmbedOptions.Default, null, default);
        var extractive = await QaEvaluator.EvaluateAsync(glove, qa.Items, EmbedOptions.Default, null, default);

        Assert.True(pairs.Items.Count > 100, $"{pairs.Items.Count} FAQ pairs");
        // Random ranking of n answers gives MRR ≈ ln(n)/n (≈ 0.05 for the 88 test answers); of m sentences, acc@1 ≈ 1/m.
        var n = retrieval.Candidates;
        Assert.True(retrieval.Primary.Value.Mean > 3 * Math.Log(n) / n, $"MRR {retrieval.Primary.Value.Mean} over {n} candidates");
        var candidates = extractive.Secondary["mean_candidates"].Mean;
        Assert.True(extractive.Primary.Value.Mean > 1.5 / candidates, $"acc@1 {extractive.Primary.Value.Mean} with {candidates:0.0} sentences per context");
    }
}
