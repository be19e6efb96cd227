using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Runner.Tasks;

namespace EmbedDashboard.Runner.Layers;

/// <summary>
/// A dataset's task as scored at each layer: the same sample, evaluator, probe and embedding options as an experiment
/// run with default options and this item budget, so layer L reproduces the run's primary metric. Also names the texts
/// whose representations CKA compares.
/// </summary>
internal sealed record LayerProbe(
    TaskKind Task,
    int Items,
    IReadOnlyList<string> CkaTexts,
    TextRole CkaRole,
    EmbedOptions EmbedOptions,
    Func<IEmbedder, CancellationToken, Task<EvaluationResult>> Evaluate)
{
    /// <summary>CKA's Gram matrices are d×d, but centring an n×d matrix per layer still costs; this many texts are plenty.</summary>
    public const int MaxCkaTexts = 2000;

    public static async Task<LayerProbe> LoadAsync(DatasetStore datasets, DatasetEntity dataset, int maxItems, int seed, CancellationToken cancellationToken)
    {
        var run = new RunOptions { MaxItems = maxItems, SplitSeed = seed };
        var embed = run.ToEmbedOptions();
        switch (dataset.Task)
        {
            case TaskKind.Classification:
            {
                var items = await datasets.LoadItemsAsync<LabeledText>(dataset.Id, cancellationToken);
                // The evaluator's own stratified sample, drawn here so CKA sees the same texts; the evaluator then takes all of it.
                var sample = Sampling.Stratified(items, i => i.Label + "\u001f" + i.Split, maxItems, seed);
                // k-means is not the primary metric and would multiply the cost by the layer count; the probe is the run's.
                var options = ClassificationTaskRunner.ClassificationOptionsFor(run) with { MaxItems = 0, Clustering = null };
                return new LayerProbe(dataset.Task, sample.Count, Cap(sample.Select(i => i.Text)), TextRole.Text, embed,
                    async (e, ct) => await ClassificationEvaluator.EvaluateAsync(e, sample, options, embed, null, ct));
            }

            case TaskKind.Sts or TaskKind.WordSimilarity:
            {
                var pairs = await datasets.LoadItemsAsync<ScoredPair>(dataset.Id, cancellationToken);
                var sample = Sampling.Stratified(Split(() => ScoredSplit.Select(pairs, p => p.Split, "pair")).Test, _ => "", maxItems, seed);
                var sts = dataset.Task == TaskKind.Sts;
                return new LayerProbe(dataset.Task, sample.Count, Cap(sample.SelectMany(p => new[] { p.A, p.B })), TextRole.Text, embed,
                    async (e, ct) => sts
                        ? await StsEvaluator.EvaluateAsync(e, sample, embed, null, ct)
                        : await WordSimilarityEvaluator.EvaluateAsync(e, sample, embed, null, ct));
            }

            case TaskKind.FaqRetrieval:
            {
                var pairs = await datasets.LoadItemsAsync<FaqPair>(dataset.Id, cancellationToken);
                var sample = Sampling.Stratified(Split(() => ScoredSplit.Select(pairs, p => p.Split, "pair", candidates: true)).Test, _ => "", maxItems, seed);
                return new LayerProbe(dataset.Task, sample.Count, Cap(sample.Select(p => p.Question)), TextRole.Query, embed,
                    async (e, ct) => await FaqRetrievalEvaluator.EvaluateAsync(e, sample, embed, null, ct));
            }

            case TaskKind.QuestionAnswering:
            {
                var examples = await datasets.LoadItemsAsync<QaExample>(dataset.Id, cancellationToken);
                var sample = Sampling.Stratified(Split(() => ScoredSplit.Select(examples, x => x.Split, "question")).Test, _ => "", maxItems, seed);
                return new LayerProbe(dataset.Task, sample.Count, Cap(sample.Select(x => x.Question)), TextRole.Query, embed,
                    async (e, ct) => await QaEvaluator.EvaluateAsync(e, sample, embed, null, ct));
            }

            default:
                throw new LayerAnalysisRequestException(dataset.Task == TaskKind.Ner
                    ? $"'{dataset.Name}' is a NER dataset; layer analysis does not score per-word NER yet (classification, STS, word similarity, FAQ retrieval and QA)."
                    : $"Layer analysis scores classification, STS, word similarity, FAQ retrieval and QA datasets; '{dataset.Name}' is a {dataset.Task} dataset.");
        }
    }

    public EmbedOptions CkaOptions => EmbedOptions with { Role = CkaRole };

    private static IReadOnlyList<string> Cap(IEnumerable<string> texts) => texts.Distinct(StringComparer.Ordinal).Take(MaxCkaTexts).ToList();

    /// <summary>A dataset without a test split is the user's to fix; say so as a refusal, not a crash.</summary>
    private static ScoredSplit<T> Split<T>(Func<ScoredSplit<T>> select)
    {
        try
        {
            return select();
        }
        catch (InvalidOperationException ex)
        {
            throw new LayerAnalysisRequestException(ex.Message);
        }
    }
}
