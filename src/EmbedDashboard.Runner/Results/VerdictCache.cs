using System.Collections.Concurrent;
using System.Globalization;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Verdicts depend only on an experiment's finished runs, which never change once done; but recomputing 2,000
/// resamples per run and per comparison on every page refresh costs seconds for ρ over thousands of pairs. So the
/// finished runs' views and the verdicts are kept per experiment, keyed by what they were computed from.
/// </summary>
public sealed class VerdictCache
{
    private const int MaxExperiments = 256;
    private readonly ConcurrentDictionary<int, (string Key, IReadOnlyDictionary<int, RunView> Done, IReadOnlyList<DatasetVerdict> Verdicts)> _entries = new();

    internal (IReadOnlyList<RunView> Runs, IReadOnlyList<DatasetVerdict> Verdicts) GetOrCompute(
        int experimentId, IReadOnlyList<RunView> runs, Func<(IReadOnlyList<RunView> Runs, IReadOnlyList<DatasetVerdict> Verdicts)> compute)
    {
        var key = KeyOf(runs);
        if (!_entries.TryGetValue(experimentId, out var entry) || entry.Key != key)
        {
            var (computed, verdicts) = compute();
            entry = (key, computed.Where(r => r.Status == RunStatus.Done).ToDictionary(r => r.Id), verdicts);
            if (_entries.Count >= MaxExperiments) _entries.Clear();
            _entries[experimentId] = entry;
        }

        // Runs still queued or running keep their fresh progress; finished ones come from the cache.
        var done = entry.Done;
        return (runs.Select(r => done.TryGetValue(r.Id, out var cached) ? cached : r).ToList(), entry.Verdicts);
    }

    // Everything a verdict reads from a finished run that could differ between two builds of the same experiment.
    private static string KeyOf(IReadOnlyList<RunView> runs) => string.Join('\u001e', runs.Where(r => r.Status == RunStatus.Done).Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Id}\u001f{r.FinishedAt?.UtcTicks}\u001f{r.EmbedderName}\u001f{r.IsGeneral}\u001f{r.Metrics.Count}")));
}
