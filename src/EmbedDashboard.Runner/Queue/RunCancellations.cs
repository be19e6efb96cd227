using System.Collections.Concurrent;

namespace EmbedDashboard.Runner.Queue;

/// <summary>Token sources of the runs that are executing now, so the Cancel button reaches them.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public CancellationTokenSource Register(int runId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[runId] = source;
        return source;
    }

    public void Unregister(int runId)
    {
        if (_running.TryRemove(runId, out var source))
        {
            source.Dispose();
        }
    }

    /// <summary>True when the run was executing and has been signalled.</summary>
    public bool Cancel(int runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            source.Cancel();
            return true;
        }

        return false;
    }
}
