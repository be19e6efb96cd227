using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Training.Tagger;

namespace EmbedDashboard.Training.Methods;

/// <summary>
/// The embedding layer trained with a NER tagger (word + character 3–5-gram table → ±R word window → softmax over
/// BIO tags). Its table becomes a static task-specific embedder whose per-word vectors feed the same NER probe as
/// GloVe's and MiniLM's; unseen words get vectors from their n-grams.
/// </summary>
public static class TaggerLayerMethod
{
    public static MethodOutcome Train(TrainingContext context)
    {
        var tagging = context.Data.Tagging ?? throw new TrainingInputException("The tagger layer trains on a NER dataset (CoNLL sentences with BIO tags).");
        var options = context.Request.Tagger;
        var problems = options.Validate();
        if (problems.Count > 0) throw new TrainingInputException(string.Join(" ", problems));

        var result = WindowTaggerTrainer.Train(tagging.Train, options, tagging.Test, context.Progress, context.CancellationToken);
        var table = TaggerTable.From(result);
        var data = context.Data;
        var id = $"tagger-{TrainingJobExecutor.Slug(data.Dataset.Name)}-{options.Dimension}d-j{context.Job.Id}";
        var method = string.Create(CultureInfo.InvariantCulture,
            $"embedding layer trained with a window tagger (±{options.WindowRadius} words → softmax over {result.TagNames.Count} tags), {options.Dimension}d, " +
            $"words seen ≥{options.MinCount}× + {options.Buckets:N0} char 3–5-gram buckets, {(options.LowerCase ? "lower-cased" : "cased")}, Adam lr {options.LearningRate:g3}, {options.Epochs} epochs, seed {options.Seed}");
        var figures = new Dictionary<string, double>
        {
            ["words_per_second"] = result.WordsPerSecond,
            ["elapsed_seconds"] = result.Elapsed.TotalSeconds,
            ["examples_per_second"] = result.Elapsed.TotalSeconds > 0 ? result.SentencesSeen / result.Elapsed.TotalSeconds : 0,
            ["vocabulary_words"] = result.Vocabulary.Words.Count,
            ["final_loss"] = result.Curve.Count > 0 ? result.Curve[^1].Loss : double.NaN,
        };
        if (result.TestEntityF1 is { } f1) figures["tagger_test_entity_f1"] = f1;
        if (result.TestTokenAccuracy is { } accuracy) figures["tagger_test_token_accuracy"] = accuracy;

        var manifest = context.BaseManifest(id, $"Tagger layer {options.Dimension}d · {EmbeddingLayerMethod.ShortName(data.Dataset.Name)} #{context.Job.Id}",
            ArtifactType.TaggerTable, EmbedderKind.TrainedEmbeddingLayer, options.Dimension, TableFiles.Table, method) with
        {
            Buckets = options.Buckets,
            Subwords = options.Buckets > 0,
            Figures = figures,
            License = "trained here from the dataset; the dataset's licence applies",
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Trained on {tagging.Train.Count:N0} training sentences ({result.WordsSeen:N0} word updates, {result.WordsPerSecond:N0} words/s, {result.Elapsed.TotalSeconds:0.0} s)."),
        };
        if (result.SkippedSentences > 0) notes.Add($"{result.SkippedSentences:N0} sentence(s) without one tag per word were left out.");
        if (result.TestEntityF1 is { } f) notes.Add(string.Create(CultureInfo.InvariantCulture, $"The tagger itself reaches entity F1 {f:0.000} on the {tagging.Test.Count:N0} held-out test sentences (the experiment scores the table under the shared linear probe)."));
        return new MethodOutcome([new PendingArtifact(manifest, table.Save)], figures, notes);
    }
}
