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
/// run with default options and this item budget, so layer L reproduces the run's primary metric (NER: entity F1 of the
/// linear tag probe over each word's first sub-token at that layer). Also names the texts whose representations CKA
/// compares (NER: the sentences, pooled as the encoder pools).
/// </summary>
internal sealed record LayerProbe(
    TaskKind Task,
    int Items,
    IReadOnlyList<string> CkaTexts,
    TextRole CkaRole,
    EmbedOptions EmbedOptions,
    Func<LayerEmbedder, CancellationToken, Task<EvaluationResult>> Evaluate)
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

            case TaskKind.Ner:
            {
                var sentences = await datasets.LoadItemsAsync<TaggedSentence>(dataset.Id, cancellationToken);
                var options = new NerOptions { MaxSentences = maxItems, Seed = seed };
                // The evaluator's own sample (well-formed sentences, stratified by split), so CKA pools the same sentences.
                var wellFormed = sentences.Where(s => s.Tokens.Count > 0 && s.Tokens.Count == s.Tags.Count).ToList();
                var sample = Sampling.Stratified(wellFormed, s => s.Split.ToString(), maxItems, seed);
                return new LayerProbe(dataset.Task, sample.Count, Cap(sample.Select(s => string.Join(' ', s.Tokens))), TextRole.Text, embed,
                    async (e, ct) => await NerEvaluator.EvaluateAsync(e, sentences, options, embed, null, ct));
            }

            default:
                throw new LayerAnalysisRequestException($"Layer analysis scores classification, STS, word similarity, FAQ retrieval, QA and NER datasets; '{dataset.Name}' is a {dataset.Task} dataset.");
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
