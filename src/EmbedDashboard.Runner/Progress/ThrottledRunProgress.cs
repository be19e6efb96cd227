using System.Diagnostics;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Progress;

/// <summary>
/// Receives every progress tick of a run and passes on at most a few per second to the pages and
/// one every couple of seconds to SQLite, with an ETA from the rate so far.
/// </summary>
public sealed class ThrottledRunProgress(int runId, int experimentId, RunProgressHub hub, RunStore store) : IProgress<(double Fraction, string Message)>
{
    private static readonly TimeSpan UiInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StoreInterval = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _lastUi;
    private TimeSpan? _lastStore;

    public void Report((double Fraction, string Message) value)
    {
        var fraction = Math.Clamp(value.Fraction, 0, 1);
        var now = _watch.Elapsed;
        bool publish, persist;
        lock (_gate)
        {
            publish = _lastUi is not { } ui || now - ui >= UiInterval;
            persist = _lastStore is not { } st || now - st >= StoreInterval;
            if (publish) _lastUi = now;
            if (persist) _lastStore = now;
        }

        if (publish)
        {
            hub.Publish(new RunProgressUpdate(runId, experimentId, RunStatus.Running, fraction, value.Message, Eta(fraction, now)));
        }

        if (persist)
        {
            // Fire and forget: progress in the database only serves pages opened later.
            _ = store.ReportProgressAsync(runId, fraction, value.Message);
        }
    }

    internal static TimeSpan? Eta(double fraction, TimeSpan elapsed) =>
        fraction is > 0.02 and < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : null;
}
