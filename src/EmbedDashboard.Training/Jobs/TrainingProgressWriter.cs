using System.Text.Json;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Training.Jobs;

/// <summary>What a training job's page update adds to the fraction and message: the loss points since the last update, and throughput.</summary>
public sealed record TrainingDetail(IReadOnlyList<LossPoint> NewPoints, double ExamplesPerSecond);

/// <summary>
/// Takes a trainer's reports into the job's progress writer (which throttles pages and the database): every loss
/// point is kept for the curve, each page update carries the points gathered since the last one (so the chart loses
/// nothing), and each save carries the whole curve so far (so a page opened later or after a restart shows it).
/// </summary>
public sealed class TrainingProgressWriter : JobProgressDetail, IProgress<TrainingProgress>
{
    private readonly JobProgress _progress;
    private readonly Lock _gate = new();
    private readonly List<LossPoint> _curve = [];
    private readonly List<LossPoint> _pending = [];
    private double _examplesPerSecond;

    public TrainingProgressWriter(JobProgress progress)
    {
        _progress = progress;
        progress.Detail = this;
    }

    public IReadOnlyList<LossPoint> Curve
    {
        get
        {
            lock (_gate) return _curve.ToList();
        }
    }

    public void Report(TrainingProgress value)
    {
        lock (_gate)
        {
            if (value.Point is { } p)
            {
                _curve.Add(p);
                _pending.Add(p);
            }

            _examplesPerSecond = value.ExamplesPerSecond;
        }

        _progress.Report(value.Fraction, value.Message);
    }

    public override object? TakeForPage()
    {
        lock (_gate)
        {
            var points = _pending.ToList();
            _pending.Clear();
            return new TrainingDetail(points, _examplesPerSecond);
        }
    }

    public override string? ForStore() => CurveJson(Curve);

    public static string CurveJson(IReadOnlyList<LossPoint> curve) =>
        JsonSerializer.Serialize(curve.Select(p => new[] { p.Step, Math.Round(p.Loss, 5), Math.Round(p.Seconds, 2) }));

    public static IReadOnlyList<LossPoint> ParseCurve(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<double[][]>(json)!.Select(a => new LossPoint((int)a[0], a[1], a[2])).ToList();
}
