using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Methods;

/// <summary>
/// PCA fitted on the base embedder's vectors of the training split; one reduced embedder per target
/// dimension (the first k components of the same fit), so accuracy can be charted against dimension.
/// </summary>
public static class ReductionMethod
{
    public static async Task<MethodOutcome> TrainAsync(TrainingContext context)
    {
        var options = context.Request.Reduction;
        var problems = options.Validate();
        if (problems.Count > 0) throw new TrainingInputException(string.Join(" ", problems));
        var baseId = context.Request.BaseEmbedderId ?? throw new TrainingInputException("Choose the embedder to reduce.");
        IEmbedder baseEmbedder;
        try
        {
            baseEmbedder = context.Registry.Get(baseId);
        }
        catch (Exception ex) when (ex is UnknownEmbedderException or InvalidOperationException)
        {
            throw new TrainingInputException(ex.Message);
        }

        var data = context.Data;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var embedProgress = new Progress<EmbedProgress>(p => context.Progress.Report(new TrainingProgress(0.8 * p.Done / Math.Max(1, p.Total), $"Embedding the training split with {baseEmbedder.Info.DisplayName}: {p.Done:N0}/{p.Total:N0}")));
        var batch = await baseEmbedder.EmbedAsync(data.TrainTexts, EmbedOptions.Default, embedProgress, context.CancellationToken);
        var keep = Enumerable.Range(0, batch.Count).Where(i => !batch.Missing[i]).ToArray();
        if (keep.Length < 2) throw new TrainingInputException($"{baseEmbedder.Info.DisplayName} could represent only {keep.Length} training texts; PCA needs at least two.");
        var d = batch.Dimension;
        var rows = new float[keep.Length * d];
        for (var r = 0; r < keep.Length; r++) batch.Row(keep[r]).CopyTo(rows.AsSpan(r * d, d));

        var targets = options.Dimensions.Distinct().Order().ToList();
        var usable = targets.Where(k => k < d).ToList();
        var notes = new List<string>();
        if (usable.Count < targets.Count) notes.Add($"Skipped {string.Join(", ", targets.Except(usable))}: not below {baseEmbedder.Info.DisplayName}'s {d} dimensions.");
        if (usable.Count == 0) throw new TrainingInputException($"Every target dimension is at least {baseEmbedder.Info.DisplayName}'s {d}; choose smaller ones.");
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Progress.Report(new TrainingProgress(0.85, $"Fitting PCA on {keep.Length:N0} vectors of {d} dimensions"));
        var pca = Pca.Fit(rows, keep.Length, d, usable[^1]);
        var seconds = watch.Elapsed.TotalSeconds;

        var artifacts = new List<PendingArtifact>();
        var figures = new Dictionary<string, double> { ["elapsed_seconds"] = seconds, ["fit_texts"] = keep.Length };
        foreach (var k in usable)
        {
            var explained = pca.ExplainedVarianceRatio.Take(k).Sum();
            figures[$"explained_variance_{k}d"] = explained;
            var id = $"pca{k}-{baseId}-{TrainingJobExecutor.Slug(data.Dataset.Name)}-j{context.Job.Id}";
            var manifest = context.BaseManifest(id, $"{baseEmbedder.Info.DisplayName} → PCA {k}d · {EmbeddingLayerMethod.ShortName(data.Dataset.Name)} #{context.Job.Id}",
                ArtifactType.PcaReduction, baseEmbedder.Info.Kind, k, TableFiles.Pca,
                $"PCA of {baseEmbedder.Info.DisplayName} to {k} of {d} dimensions ({explained:P1} of the variance), fitted on {keep.Length:N0} training texts") with
            {
                BaseEmbedderId = baseId,
                Figures = new Dictionary<string, double> { ["explained_variance"] = explained, ["base_dimension"] = d },
                License = $"derived from {baseEmbedder.Info.DisplayName} ({baseEmbedder.Info.License})",
            };
            artifacts.Add(new PendingArtifact(manifest, folder =>
            {
                // mean (d floats) then k components of d floats each.
                var values = new float[(k + 1) * d];
                pca.Mean.CopyTo(values, 0);
                for (var c = 0; c < k; c++) pca.Components[c].CopyTo(values, (c + 1) * d);
                FloatFile.Write(Path.Combine(folder, TableFiles.Pca), values);
            }));
        }

        notes.Add($"PCA fitted on {keep.Length:N0} training texts in {seconds:0.0} s; {usable.Count} reduced embedders.");
        return new MethodOutcome(artifacts, figures, notes);
    }
}
