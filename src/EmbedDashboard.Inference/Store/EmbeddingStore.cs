using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace EmbedDashboard.Inference.Store;

/// <summary>
/// Embeddings on disk, shared by every run, probe and projection and across restarts: one append-only file of
/// checksummed records (<see cref="StoreRecord"/>) with an in-memory index of key → offset. Reads are positional
/// (pread), so any number of threads read while one appends. Opening scans the file; a torn or corrupt tail — a
/// process killed mid-write — is cut off and logged, and every record before it is served. Bounded by a byte
/// capacity: past it the least recently used vectors are dropped by rewriting the file (atomically renamed into place)
/// down to three quarters of the capacity, in recency order, so the recency order also survives a restart.
/// One process writes (it holds <c>store.lock</c>); another process opening the same folder reads what was there
/// when it opened and stores nothing. Sealed, thread-safe, disposable.
/// </summary>
public sealed partial class EmbeddingStore : IDisposable
{
    public const string FileName = "embeddings.store";
    private const string LockFileName = "store.lock";

    private readonly string _path;
    private readonly long _capacityBytes;
    private readonly ILogger _logger;
    private readonly FileStream? _writerLock;
    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.NoRecursion); // compaction excludes all others
    private readonly Lock _index = new();
    private readonly Lock _append = new();
    private readonly Dictionary<EmbeddingKey, Slot> _slots = [];
    private SafeFileHandle _file;
    private long _length;
    private long _clock;
    private bool _disposed;

    private EmbeddingStore(string directory, long capacityBytes, ILogger logger)
    {
        _capacityBytes = capacityBytes;
        _logger = logger;
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, FileName);
        try
        {
            _writerLock = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            _logger.LogInformation("Embedding store {Path} is written by another process: this one reads the vectors stored so far and stores no new ones.", _path);
        }

        foreach (var stale in Directory.EnumerateFiles(directory, FileName + ".*.tmp").Where(_ => IsWriter))
        {
            File.Delete(stale); // a compaction interrupted before its rename; the store file itself is intact
        }

        _file = IsWriter
            ? File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)
            : File.Exists(_path) ? File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete) : new SafeFileHandle();
        try
        {
            Load();
        }
        catch
        {
            // Not a store file, or unreadable: release the file and the writer lock so the folder can be fixed and reopened.
            _file.Dispose();
            _writerLock?.Dispose();
            throw;
        }
    }

    /// <summary>Opens (or creates) the store in directory. Capacity: the file's upper bound in bytes.</summary>
    public static EmbeddingStore Open(string directory, long capacityBytes, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (capacityBytes < StoreRecord.FileHeader.Length + StoreRecord.Size(1))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, "The embedding store's capacity must hold at least one vector.");
        }

        return new EmbeddingStore(Path.GetFullPath(directory), capacityBytes, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    public string FilePath => _path;

    /// <summary>False when another process holds the store: vectors are read, none are written.</summary>
    public bool IsWriter => _writerLock is not null;

    /// <summary>What opening had to repair (a dropped tail), or null when the file was whole.</summary>
    public string? RecoveryNote { get; private set; }

    public int Count
    {
        get
        {
            lock (_index) return _slots.Count;
        }
    }

    /// <summary>Bytes of valid records in the file, header included.</summary>
    public long LengthBytes => Interlocked.Read(ref _length);

    /// <summary>The stored vector, verified against its checksum; false when absent, of another dimension, or damaged.</summary>
    public bool TryGet(EmbeddingKey key, int dimension, out float[] vector)
    {
        vector = [];
        _swap.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Slot slot;
            lock (_index)
            {
                if (!_slots.TryGetValue(key, out slot) || slot.Dimension != dimension)
                {
                    return false;
                }

                _slots[key] = slot with { LastUse = ++_clock };
            }

            var size = StoreRecord.Size(dimension);
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                var record = buffer.AsSpan(0, size);
                if (RandomAccess.Read(_file, record, slot.Offset) != size || !StoreRecord.IsValid(record, dimension) || StoreRecord.Key(record) != key)
                {
                    // Damaged after it was opened (disk, another tool): never serve it; the caller embeds again.
                    _logger.LogError("Embedding store {Path}: the record at offset {Offset} failed its checksum and was dropped.", _path, slot.Offset);
                    lock (_index) _slots.Remove(key);
                    return false;
                }

                vector = StoreRecord.Vector(record, dimension);
                return true;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>Appends the vectors not stored yet in one write; then evicts if the file passed its capacity. A reader store ignores this.</summary>
    public void AddRange(IReadOnlyList<(EmbeddingKey Key, float[] Vector)> items)
    {
        if (!IsWriter || items.Count == 0)
        {
            return;
        }

        _swap.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            lock (_append)
            {
                var fresh = new List<(EmbeddingKey Key, float[] Vector)>(items.Count);
                var seen = new HashSet<EmbeddingKey>();
                lock (_index)
                {
                    fresh.AddRange(items.Where(i => !_slots.ContainsKey(i.Key) && seen.Add(i.Key)));
                }

                if (fresh.Count == 0)
                {
                    return;
                }

                var bytes = new byte[fresh.Sum(i => StoreRecord.Size(i.Vector.Length))];
                var at = 0;
                foreach (var (key, vector) in fresh)
                {
                    StoreRecord.Write(bytes.AsSpan(at), key, vector);
                    at += StoreRecord.Size(vector.Length);
                }

                var offset = _length;
                RandomAccess.Write(_file, bytes, offset);
                lock (_index)
                {
                    foreach (var (key, vector) in fresh)
                    {
                        _slots[key] = new Slot(offset, vector.Length, ++_clock);
                        offset += StoreRecord.Size(vector.Length);
                    }
                }

                Interlocked.Exchange(ref _length, offset);
            }
        }
        finally
        {
            _swap.ExitReadLock();
        }

        if (Interlocked.Read(ref _length) > _capacityBytes)
        {
            Compact();
        }
    }

    public void Dispose()
    {
        _swap.EnterWriteLock();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _file.Dispose();
            _writerLock?.Dispose();
        }
        finally
        {
            _swap.ExitWriteLock();
        }
    }

    private readonly record struct Slot(long Offset, int Dimension, long LastUse);
}
