using EmbedDashboard.Core.Messaging;

namespace EmbedDashboard.Core.Tests.Messaging;

public sealed class BroadcasterTests
{
    [Fact]
    public void Publish_OneHandlerThrows_OthersStillReceive()
    {
        var broadcaster = new Broadcaster<int>();
        var received = new List<int>();
        using var broken = broadcaster.Subscribe(_ => throw new InvalidOperationException("a broken page"));
        using var working = broadcaster.Subscribe(received.Add);

        broadcaster.Publish(7);

        Assert.Equal([7], received);
    }

    [Fact]
    public void Subscribe_Disposed_NoMoreUpdates()
    {
        var broadcaster = new Broadcaster<string>();
        var received = new List<string>();
        var subscription = broadcaster.Subscribe(received.Add);

        broadcaster.Publish("before");
        subscription.Dispose();
        subscription.Dispose(); // twice is harmless
        broadcaster.Publish("after");

        Assert.Equal(["before"], received);
    }
}
