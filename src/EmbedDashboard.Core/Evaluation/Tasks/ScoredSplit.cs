using EmbedDashboard.Core.Datasets;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// The items a retrieval or similarity evaluator may score. Pairs default to the test split, so a file imported
/// alone is scored whole; once a dataset has train (or dev) items, only its test items are scored, and for
/// retrieval they are the whole candidate pool too: a model tuned on the train pairs must not be scored on them,
/// nor have their answers as extra distractors that the base model never faced in the same way.
/// </summary>
public static class ScoredSplit
{
    public static ScoredSplit<T> Select<T>(IReadOnlyList<T> items, Func<T, Split> splitOf, string unit)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(splitOf);
        var test = items.Where(i => splitOf(i) == Split.Test).ToList();
        if (test.Count == items.Count) return new ScoredSplit<T>(items, 0, 0, unit);
        if (test.Count == 0)
        {
            throw new InvalidOperationException($"The dataset has {items.Count:N0} {unit}(s) but none in the test split, so nothing can be scored without scoring training data; import it with a held-out test file.");
        }

        var train = items.Count(i => splitOf(i) == Split.Train);
        return new ScoredSplit<T>(test, train, items.Count - test.Count - train, unit);
    }
}

/// <summary>The test items to score and how many train and dev items were left out.</summary>
public sealed record ScoredSplit<T>(IReadOnlyList<T> Test, int ExcludedTrain, int ExcludedDev, string Unit)
{
    public int Excluded => ExcludedTrain + ExcludedDev;

    /// <summary>The run note, or null when nothing was excluded (a dataset scored whole, as before splits).</summary>
    public string? Note(int scored)
    {
        if (Excluded == 0) return null;
        var dev = ExcludedDev > 0 ? $" and {ExcludedDev:N0} dev" : "";
        var sampled = scored < Test.Count ? $"a seeded sample of {scored:N0} of its {Test.Count:N0} {Unit}s" : $"its {Test.Count:N0} {Unit}s";
        return $"Scored the test split only: {sampled}; {ExcludedTrain:N0} train{dev} {Unit}(s) were excluded from the scored set and from the candidates.";
    }
}
