using System.Diagnostics;
using System.Text.Json;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// Receives every report of a trainer; passes on at most four updates a second to pages (with all
/// loss points gathered since the last one, so the curve loses nothing) and saves progress and the
/// curve to SQLite every two seconds, so a page opened later or after a restart shows it too.
/// </summary>
public sealed class ThrottledTrainingProgress(int jobId, TrainingProgressHub hub, TrainingJobStore store) : IProgress<TrainingProgress>
{
    private static readonly TimeSpan UiInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StoreInterval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly List<LossPoint> _curve = [];
    private readonly List<LossPoint> _pending = [];
    private TimeSpan? _lastUi, _lastStore;

    public IReadOnlyList<LossPoint> Curve
    {
        get
        {
            lock (_gate) return _curve.ToList();
        }
    }

    public void Report(TrainingProgress value)
    {
        var now = _watch.Elapsed;
        LossPoint[] points;
        bool publish, persist;
        lock (_gate)
        {
            if (value.Point is { } p)
            {
                _curve.Add(p);
                _pending.Add(p);
            }

            publish = _lastUi is not { } ui || now - ui >= UiInterval;
            persist = _lastStore is not { } st || now - st >= StoreInterval;
            if (publish) _lastUi = now;
            if (persist) _lastStore = now;
            points = publish ? [.. _pending] : [];
            if (publish) _pending.Clear();
        }

        var fraction = Math.Clamp(value.Fraction, 0, 1);
        if (publish) hub.Publish(new TrainingUpdate(jobId, RunStatus.Running, fraction, value.Message, points, value.ExamplesPerSecond));
        if (persist)
        {
            var curve = CurveJson(Curve);
            // Fire and forget: the database copy only serves pages opened later.
            _ = store.UpdateAsync(jobId, j =>
            {
                j.Progress = fraction;
                j.ProgressMessage = value.Message;
                j.CurveJson = curve;
            });
        }
    }

    public static string CurveJson(IReadOnlyList<LossPoint> curve) =>
        JsonSerializer.Serialize(curve.Select(p => new[] { p.Step, Math.Round(p.Loss, 5), Math.Round(p.Seconds, 2) }));

    public static IReadOnlyList<LossPoint> ParseCurve(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<double[][]>(json)!.Select(a => new LossPoint((int)a[0], a[1], a[2])).ToList();
}
