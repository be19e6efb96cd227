using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Inference.Store;

/// <summary>Opening (the scan that drops a torn tail) and eviction (the rewrite that keeps the cap).</summary>
public sealed partial class EmbeddingStore
{
    /// <summary>Keeps the most recently used vectors within 3/4 of the capacity (room to append before the next rewrite).</summary>
    private void Compact()
    {
        _swap.EnterWriteLock();
        try
        {
            if (_disposed || _length <= _capacityBytes)
            {
                return; // another thread compacted first
            }

            var budget = _capacityBytes * 3 / 4 - StoreRecord.FileHeader.Length;
            var keep = new List<KeyValuePair<EmbeddingKey, Slot>>();
            foreach (var entry in _slots.OrderByDescending(e => e.Value.LastUse))
            {
                var size = StoreRecord.Size(entry.Value.Dimension);
                if (size > budget) break;
                budget -= size;
                keep.Add(entry);
            }

            keep.Reverse(); // oldest first: the file's order is the recency order a restart starts from
            var temp = $"{_path}.{Guid.NewGuid():N}.tmp";
            var moved = new Dictionary<EmbeddingKey, Slot>(keep.Count);
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                output.Write(StoreRecord.FileHeader);
                var buffer = new byte[StoreRecord.Size(StoreRecord.MaxDimension)];
                foreach (var (key, slot) in keep)
                {
                    var record = buffer.AsSpan(0, StoreRecord.Size(slot.Dimension));
                    if (RandomAccess.Read(_file, record, slot.Offset) != record.Length || !StoreRecord.IsValid(record, slot.Dimension))
                    {
                        continue; // damaged since it was written: dropped, not copied
                    }

                    moved[key] = slot with { Offset = output.Position };
                    output.Write(record);
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
            _file.Dispose();
            _file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            var evicted = _slots.Count - moved.Count;
            _slots.Clear();
            foreach (var (key, slot) in moved) _slots[key] = slot;
            _length = RandomAccess.GetLength(_file);
            _logger.LogInformation("Embedding store {Path}: evicted {Evicted} least recently used vectors to stay within {Capacity} bytes ({Kept} kept).",
                _path, evicted, _capacityBytes, moved.Count);
        }
        finally
        {
            _swap.ExitWriteLock();
        }
    }

    /// <summary>Scans every record; stops at the first incomplete or corrupt one and, as the writer, cuts the file there.</summary>
    private void Load()
    {
        if (_file.IsInvalid)
        {
            return; // a reader with no file yet
        }

        var fileLength = RandomAccess.GetLength(_file);
        Span<byte> header = stackalloc byte[StoreRecord.FileHeader.Length];
        var headerRead = fileLength >= header.Length ? RandomAccess.Read(_file, header, 0) : 0;
        if (headerRead == header.Length && !header.SequenceEqual(StoreRecord.FileHeader))
        {
            throw new InvalidDataException($"{_path} is not an embedding store (it does not start with \"EDSTORE1\"). Move it away or set Models:EmbeddingStoreDirectory to another folder.");
        }

        if (headerRead < header.Length)
        {
            if (IsWriter)
            {
                RandomAccess.SetLength(_file, 0);
                RandomAccess.Write(_file, StoreRecord.FileHeader, 0);
                _length = header.Length;
            }

            return;
        }

        var offset = (long)header.Length;
        // A second, buffered stream for the scan: wrapping _file in a FileStream would close it with the stream.
        using (var input = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20))
        {
            input.Position = offset;
            var buffer = new byte[StoreRecord.Size(StoreRecord.MaxDimension)];
            while (offset < fileLength)
            {
                var start = buffer.AsSpan(0, 8);
                var dimension = input.ReadAtLeast(start, 8, throwOnEndOfStream: false) == 8 ? StoreRecord.Dimension(start) : -1;
                var size = dimension > 0 ? StoreRecord.Size(dimension) : 0;
                if (dimension <= 0 || input.ReadAtLeast(buffer.AsSpan(8, size - 8), size - 8, throwOnEndOfStream: false) != size - 8
                    || !StoreRecord.IsValid(buffer.AsSpan(0, size), dimension))
                {
                    break;
                }

                _slots[StoreRecord.Key(buffer)] = new Slot(offset, dimension, ++_clock); // a later copy of a key wins
                offset += size;
            }
        }

        _length = offset;
        if (offset < fileLength)
        {
            RecoveryNote = $"{_path}: dropped {fileLength - offset} bytes after the last complete record (offset {offset}; a write was interrupted or the tail is damaged); {_slots.Count} vectors kept.";
            _logger.LogWarning("Embedding store {Note}", RecoveryNote);
            if (IsWriter)
            {
                RandomAccess.SetLength(_file, offset);
            }
        }
    }
}
