using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Methods;

/// <summary>fastText-style embedding layer trained with a linear classifier; its table becomes a static task-specific embedder.</summary>
public static class EmbeddingLayerMethod
{
    public static MethodOutcome Train(TrainingContext context)
    {
        var options = context.Request.EmbeddingLayer;
        StaticWordEmbedder? glove = null;
        if (options.Init == EmbeddingInit.Glove)
        {
            glove = context.Registry.Installed.Any(e => e.Id == ModelLayout.GloveId) ? context.Registry.Get(ModelLayout.GloveId) as StaticWordEmbedder : null;
            if (glove is null) throw new TrainingInputException("GloVe initialisation needs GloVe installed; it is not (see the Models page).");
        }

        var problems = options.Validate(glove?.Vectors.Dimension);
        if (problems.Count > 0) throw new TrainingInputException(string.Join(" ", problems));

        var data = context.Data;
        var result = FastTextTrainer.Train(data.TrainTexts, data.TrainLabels, data.Classes.Count, options, glove,
            (data.TestTexts, data.TestLabels), context.Progress, context.CancellationToken);

        var init = options.Init == EmbeddingInit.Glove ? "glove" : "random";
        var id = $"layer-{TrainingJobExecutor.Slug(data.Dataset.Name)}-{options.Dimension}d-{init}{(options.FreezeEmbeddings ? "-frozen" : "")}-j{context.Job.Id}";
        var features = string.Join(", ", new[] { "words", options.WordBigrams ? "bigrams" : null, options.Subwords ? "char 3–5-grams" : null }.OfType<string>());
        var method = $"fastText-style embedding layer + linear classifier, {options.Dimension}d, {(options.Init == EmbeddingInit.Glove ? "GloVe" : "random")} init, " +
            $"{(options.FreezeEmbeddings ? "frozen" : "trainable")}, {features}, {options.Optimizer} lr {options.EffectiveLearningRate:g3}, {options.Epochs} epochs, seed {options.Seed}";
        var figures = new Dictionary<string, double>
        {
            ["examples_per_second"] = result.ExamplesPerSecond,
            ["elapsed_seconds"] = result.Elapsed.TotalSeconds,
            ["vocabulary_words"] = result.Vocabulary.Words.Count,
            ["final_loss"] = result.Curve.Count > 0 ? result.Curve[^1].Loss : double.NaN,
        };
        if (result.TestAccuracy is { } accuracy) figures["classifier_test_accuracy"] = accuracy;
        if (glove is not null) figures["glove_initialised_words"] = result.GloveInitialisedWords;

        var manifest = context.BaseManifest(id, $"Layer {options.Dimension}d {init}{(options.FreezeEmbeddings ? " frozen" : "")} · {ShortName(data.Dataset.Name)} #{context.Job.Id}",
            ArtifactType.EmbeddingTable, EmbedderKind.TrainedEmbeddingLayer, options.Dimension, TableFiles.Table, method) with
        {
            BaseEmbedderId = glove is null ? null : ModelLayout.GloveId,
            Buckets = result.Vocabulary.Buckets,
            WordBigrams = result.Vocabulary.WordBigrams,
            Subwords = result.Vocabulary.Subwords,
            MaxWordsPerText = result.Vocabulary.MaxWordsPerText,
            Figures = figures,
            License = glove is null ? "trained here from the dataset; the dataset's licence applies" : "derived from GloVe (PDDL-1.0) and the dataset",
        };

        var notes = new List<string>
        {
            $"Trained on {data.TrainTexts.Count:N0} training texts ({result.ExamplesSeen:N0} example updates, {result.ExamplesPerSecond:N0} examples/s).",
        };
        if (result.TestAccuracy is { } acc) notes.Add($"The trained classifier itself scores {acc:P1} on the {data.TestTexts.Count:N0} held-out test texts.");

        return new MethodOutcome(
            [new PendingArtifact(manifest, folder =>
            {
                File.WriteAllLines(Path.Combine(folder, TableFiles.Words), result.Vocabulary.Words);
                FloatFile.Write(Path.Combine(folder, TableFiles.Table), result.Model.Embeddings);
            })],
            figures, notes);
    }

    internal static string ShortName(string dataset) => dataset.Replace(" (built-in)", "", StringComparison.Ordinal);
}
