using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Runner.Queue;

/// <summary>
/// Bounded queue of run ids. The database is the source of truth (a run is Queued there before it
/// is written here), so a full queue or a restart loses nothing: pending runs are re-read at start.
/// </summary>
public sealed class RunQueue
{
    private readonly Channel<int> _channel;

    public RunQueue(IOptions<RunnerOptions> options)
    {
        _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ValueTask EnqueueAsync(int runId, CancellationToken cancellationToken = default) =>
        _channel.Writer.WriteAsync(runId, cancellationToken);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
