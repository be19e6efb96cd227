using System.Diagnostics;
using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Layers;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Runner.Layers;

/// <summary>
/// Layer analyses in the job framework: for the base and each descendant in turn, one pass through an all-layers copy
/// of the encoder, the task's evaluator at every layer, then (descendants) weight change and CKA against the base.
/// </summary>
public sealed class LayerAnalysisJobHandler(IEmbedderRegistry registry, DatasetStore datasets, LayerAnalysisStore store) : IJobHandler
{
    public JobKind Kind => JobKind.LayerAnalysis;

    public async Task<JobCompletion> ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var entity = await store.GetAsync(job.Id, cancellationToken) ?? throw new KeyNotFoundException($"Layer analysis {job.Id} does not exist.");
        var (maxItems, seed, models) = LayerAnalysisRequest.ParseKey(entity.ParamsKey);
        var dataset = await datasets.FindAsync(entity.DatasetId, cancellationToken) ?? throw new LayerAnalysisRequestException($"Dataset {entity.DatasetId} no longer exists.");
        job.Progress.Report(0, $"Loading {dataset.Name}", force: true);
        var probe = await LayerProbe.LoadAsync(datasets, dataset, maxItems, seed, cancellationToken);

        var curves = new List<LayerModelCurves>();
        var notes = new List<string>();
        string? metric = null;
        BertWeights? baseWeights = null;
        IReadOnlyList<EmbeddingBatch>? baseCka = null;
        for (var m = 0; m < models.Count; m++)
        {
            var encoder = registry.Get(models[m]) as OnnxSentenceEncoder
                ?? throw new LayerAnalysisRequestException($"'{models[m]}' is not a BERT encoder served by the ONNX engine, so it has no layers to analyse.");
            var name = encoder.Info.DisplayName;
            void Report(double withinModel, string message) => job.Progress.Report((m + withinModel) / models.Count, message);

            Report(0, $"{name}: reading its weights and building an all-layers copy");
            BertWeights weights;
            try
            {
                weights = encoder.ReadWeights();
            }
            catch (InvalidDataException ex)
            {
                // A model whose layers cannot be read (a foreign ONNX file, an int8 export) is the user's choice to revise, not a crash.
                throw new LayerAnalysisRequestException(ex.Message);
            }
            using var layered = encoder.WithAllLayers(weights);
            var table = new LayerTable(layered, new Progress<EmbedProgress>(p => Report(0.5 * p.Done / Math.Max(1, p.Total), $"{name}: embedding {p.Done:N0}/{p.Total:N0} texts through all {layered.LayerCount} layers")));
            var values = new List<double>();
            for (var layer = 0; layer < table.Layers; layer++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await probe.Evaluate(new LayerEmbedder(table, layer), cancellationToken);
                metric ??= result.Primary.Name;
                values.Add(result.Primary.Value.Mean);
                Report(0.5 + 0.45 * (layer + 1) / table.Layers, $"{name}: layer {layer} {result.Primary.Name} {result.Primary.Value.Mean:0.0000}");
            }

            var cka = new List<EmbeddingBatch>();
            for (var layer = 0; layer < table.Layers; layer++) cka.Add(await table.GetAsync(layer, probe.CkaTexts, probe.CkaOptions, cancellationToken));
            if (m == 0)
            {
                baseWeights = weights;
                baseCka = cka;
                curves.Add(new LayerModelCurves(encoder.Info.Id, name, IsBase: true, values));
                continue;
            }

            Report(0.96, $"{name}: weight change and CKA against {curves[0].DisplayName}");
            if (cka.Count != baseCka!.Count)
            {
                notes.Add($"{name} has {cka.Count - 1} layers and its base {baseCka.Count - 1}; its weight change and CKA are left out.");
                curves.Add(new LayerModelCurves(encoder.Info.Id, name, IsBase: false, values));
                continue;
            }

            var change = BertWeightChange.PerLayer(baseWeights!, weights);
            var similarity = cka.Select((batch, i) => LinearCka.Compute(baseCka[i].Data, baseCka[i].Dimension, batch.Data, batch.Dimension, batch.Count)).ToList();
            curves.Add(new LayerModelCurves(encoder.Info.Id, name, IsBase: false, values, change, similarity));
        }

        var analysis = new LayerAnalysisResult(probe.Task, metric ?? "", probe.Items, probe.CkaTexts.Count, curves, notes);
        return new LayerAnalysisCompletion(JsonSerializer.Serialize(analysis), watch.Elapsed.TotalSeconds);
    }
}
