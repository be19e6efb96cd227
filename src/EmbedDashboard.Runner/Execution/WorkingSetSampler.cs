using System.Diagnostics;

namespace EmbedDashboard.Runner.Execution;

/// <summary>
/// Peak working set while a run executes. Process.PeakWorkingSet64 is the peak of the whole
/// process life, which would charge every run with the largest earlier one, so sample instead.
/// </summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetSampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }
}
