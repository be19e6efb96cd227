using EmbedDashboard.Inference.Store;

namespace EmbedDashboard.Inference.Tests.Store;

public sealed class EmbeddingStoreTests : IDisposable
{
    private const int Dim = 16;
    private readonly string _folder = Directory.CreateTempSubdirectory("embeddash-store-").FullName;

    private static EmbeddingKey Key(int i) => EmbeddingKey.Of($"key {i}");

    // Each vector is a function of its index, so any vector served under the wrong key is caught.
    private static float[] Vector(int i) => Enumerable.Range(0, Dim).Select(d => i * 1000f + d).ToArray();

    private static List<(EmbeddingKey, float[])> Items(int from, int count) =>
        Enumerable.Range(from, count).Select(i => (Key(i), Vector(i))).ToList();

    private string StoreFile => Path.Combine(_folder, EmbeddingStore.FileName);

    private EmbeddingStore Open(long capacity = 1 << 20) => EmbeddingStore.Open(_folder, capacity);

    [Fact]
    public void AddRange_Reopened_ServesEveryVector()
    {
        using (var store = Open())
        {
            store.AddRange(Items(0, 50));
        }

        using var reopened = Open();

        Assert.Equal(50, reopened.Count);
        Assert.Null(reopened.RecoveryNote);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(reopened.TryGet(Key(i), Dim, out var v));
            Assert.Equal(Vector(i), v);
        }

        Assert.False(reopened.TryGet(Key(50), Dim, out _));
        Assert.False(reopened.TryGet(Key(0), Dim + 1, out _)); // another dimension is another model's vector
    }

    [Fact]
    public void Open_TornTail_ServesCompleteRecordsDropsTailAndSaysSo()
    {
        using (var store = Open())
        {
            store.AddRange(Items(0, 10));
        }

        // A process killed in the middle of appending record 10: only part of it reached the file.
        var whole = new FileInfo(StoreFile).Length;
        using (var file = File.Open(StoreFile, FileMode.Append))
        {
            var record = new byte[StoreRecord.Size(Dim)];
            StoreRecord.Write(record, Key(10), Vector(10));
            file.Write(record, 0, record.Length / 2);
        }

        using var recovered = Open();

        Assert.Equal(10, recovered.Count);
        Assert.False(recovered.TryGet(Key(10), Dim, out _));
        Assert.True(recovered.TryGet(Key(9), Dim, out var last));
        Assert.Equal(Vector(9), last);
        Assert.Contains("dropped", recovered.RecoveryNote);
        Assert.Equal(whole, new FileInfo(StoreFile).Length); // cut back to the last complete record
        recovered.AddRange(Items(10, 1)); // and appends continue from there
        recovered.Dispose();
        using var again = Open();
        Assert.Equal(11, again.Count);
        Assert.Null(again.RecoveryNote);
    }

    [Fact]
    public void Open_FlippedByteInLastRecord_RecordNotServed()
    {
        using (var store = Open())
        {
            store.AddRange(Items(0, 5));
        }

        FlipByte(new FileInfo(StoreFile).Length - 20); // inside record 4's floats

        using var reopened = Open();

        Assert.Equal(4, reopened.Count);
        Assert.False(reopened.TryGet(Key(4), Dim, out _));
        Assert.NotNull(reopened.RecoveryNote);
    }

    [Fact]
    public void TryGet_RecordDamagedAfterOpen_ReturnsFalseNotAWrongVector()
    {
        using var store = Open();
        store.AddRange(Items(0, 3));

        FlipByte(StoreRecord.FileHeader.Length + StoreRecord.HeaderBytes + 3); // record 0's first float

        Assert.False(store.TryGet(Key(0), Dim, out _));
        Assert.True(store.TryGet(Key(1), Dim, out var v));
        Assert.Equal(Vector(1), v);
    }

    [Fact]
    public void AddRange_PastCapacity_FileWithinCapAndRecentlyUsedKept()
    {
        var capacity = StoreRecord.FileHeader.Length + 100L * StoreRecord.Size(Dim);
        using var store = Open(capacity);
        store.AddRange(Items(0, 50));
        for (var i = 0; i < 400; i++)
        {
            Assert.True(store.TryGet(Key(0), Dim, out _)); // key 0 stays in use
            store.AddRange(Items(1000 + i, 1));
            Assert.True(store.LengthBytes <= capacity, $"{store.LengthBytes} > {capacity}");
        }

        Assert.True(new FileInfo(StoreFile).Length <= capacity);
        Assert.True(store.TryGet(Key(0), Dim, out var hot));
        Assert.Equal(Vector(0), hot);
        Assert.False(store.TryGet(Key(1), Dim, out _)); // written early, never read again: evicted
        Assert.True(store.TryGet(Key(1399), Dim, out _)); // the newest stays
        store.Dispose();
        using var reopened = Open(capacity);
        Assert.Equal(store.Count, reopened.Count);
        Assert.True(reopened.TryGet(Key(0), Dim, out _));
    }

    [Fact]
    public async Task TryGet_ConcurrentReadersWhileOneWriterAppendsAndEvicts_NeverAWrongVector()
    {
        // Small enough that the writer rewrites the file (evicts) many times while the readers read.
        using var store = Open(StoreRecord.FileHeader.Length + 300L * StoreRecord.Size(Dim));
        store.AddRange(Items(0, 100));
        var written = 100;
        var writer = Task.Run(() =>
        {
            for (var i = 100; i < 3000; i += 10)
            {
                store.AddRange(Items(i, 10));
                Volatile.Write(ref written, i + 10);
            }
        });
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            var rng = new Random(r);
            int hits = 0, reads = 0;
            // Each reader reads at least 500 times (on 2 cores the writer may finish before a reader is scheduled);
            // half of the reads go to the newest keys, which eviction never drops, so a reader must hit.
            while (!writer.IsCompleted || reads++ < 500)
            {
                var top = Volatile.Read(ref written);
                var i = rng.Next(2) == 0 ? top - 1 - rng.Next(10) : rng.Next(top);
                if (store.TryGet(Key(i), Dim, out var v))
                {
                    Assert.Equal(Vector(i), v);
                    hits++;
                }
            }

            return hits;
        })).ToList();

        await writer;
        var hits = await Task.WhenAll(readers);

        Assert.All(hits, h => Assert.True(h > 0));
        for (var i = 2990; i < 3000; i++)
        {
            Assert.True(store.TryGet(Key(i), Dim, out var v));
            Assert.Equal(Vector(i), v);
        }
    }

    [Fact]
    public void Open_SecondInstanceOnSameFolder_ReadsButDoesNotWrite()
    {
        using var writer = Open();
        writer.AddRange(Items(0, 5));

        using var reader = Open();
        reader.AddRange(Items(5, 5));

        Assert.True(writer.IsWriter);
        Assert.False(reader.IsWriter);
        Assert.True(reader.TryGet(Key(4), Dim, out var v));
        Assert.Equal(Vector(4), v);
        Assert.False(reader.TryGet(Key(5), Dim, out _));
        Assert.Equal(5, writer.Count);
    }

    [Fact]
    public void Open_FileThatIsNotAStore_RefusedWithPath()
    {
        File.WriteAllText(StoreFile, "some other file that happens to have this name");

        var ex = Assert.Throws<InvalidDataException>(() => Open());

        Assert.Contains(StoreFile, ex.Message);
        Assert.Contains("EDSTORE1", ex.Message);
    }

    [Fact]
    public void Open_CapacityBelowOneVector_Refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingStore.Open(_folder, 10));

        Assert.Contains("at least one vector", ex.Message);
    }

    private void FlipByte(long offset)
    {
        using var file = File.Open(StoreFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x40));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
