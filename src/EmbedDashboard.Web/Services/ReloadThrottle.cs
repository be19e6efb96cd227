namespace EmbedDashboard.Web.Services;

/// <summary>
/// Coalesces bursts of update notifications into at most one reload per interval, so a page that
/// listens to run progress re-queries the store once a second rather than on every batch.
/// </summary>
public sealed class ReloadThrottle(TimeSpan interval) : IDisposable
{
    private readonly Lock _gate = new();
    private Timer? _timer;
    private Func<Task>? _pending;
    private bool _disposed;

    public void Request(Func<Task> reload)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = reload;
            _timer ??= new Timer(_ => Fire(), null, interval, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        Func<Task>? reload;
        lock (_gate)
        {
            reload = _pending;
            _pending = null;
            _timer?.Dispose();
            _timer = null;
        }

        if (reload is not null)
        {
            _ = reload();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
