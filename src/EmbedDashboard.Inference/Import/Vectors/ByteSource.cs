using System.IO.Compression;

namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>
/// A buffered forward-only reader over a (possibly gzip-compressed) file that hands out spans of its own
/// buffer, so lines and binary records are parsed without copying or per-line allocation. It counts the
/// decompressed bytes as they arrive and refuses the file as soon as they pass the limit (gzip bombs),
/// and reports progress as the fraction of the file's (compressed) bytes consumed.
/// </summary>
internal sealed class ByteSource : IDisposable
{
    /// <summary>Longest text line accepted: 4,096 values of ~20 characters fit with a wide margin.</summary>
    public const int MaxLineBytes = 4 << 20;

    private readonly FileStream _file;
    private readonly Stream _stream;
    private readonly string _name;
    private readonly long _maxBytes;
    private readonly IProgress<double>? _progress;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private long _decompressed;
    private double _reported;

    private ByteSource(FileStream file, bool gzipped, string name, long maxBytes, IProgress<double>? progress)
    {
        _file = file;
        Gzipped = gzipped;
        _stream = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        _name = name;
        _maxBytes = maxBytes;
        _progress = progress;
    }

    public bool Gzipped { get; }

    /// <summary>The file's size on disk (compressed size for gzip).</summary>
    public long FileLength => _file.Length;

    /// <summary>The bytes buffered and not yet consumed.</summary>
    public ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

    public static ByteSource Open(string path, string name, long maxBytes, IProgress<double>? progress)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelImportException($"{name}: file not found.", e);
        }

        try
        {
            // Gzip is recognised by its magic bytes 1F 8B: names lie (".txt" that is gzip, ".gz" that is not).
            Span<byte> magic = stackalloc byte[2];
            var gzipped = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            file.Position = 0;
            if (!gzipped && file.Length > maxBytes)
            {
                throw TooLarge(name, maxBytes);
            }

            return new ByteSource(file, gzipped, name, maxBytes, progress);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Advance(int count) => _start += count;

    /// <summary>At least <paramref name="count"/> buffered bytes, or all that are left.</summary>
    public ReadOnlySpan<byte> Ensure(int count)
    {
        while (_end - _start < count && Fill())
        {
        }

        return Available;
    }

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int PeekByte() => _start < _end || Fill() ? _buffer[_start] : -1;

    /// <summary>
    /// Index (from the current position) of the next <paramref name="value"/>, reading more as needed;
    /// -1 if the data ends first or <paramref name="limit"/> bytes were searched without finding it.
    /// </summary>
    public int IndexOf(byte value, int limit)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(value);
            if (found >= 0)
            {
                return searched + found;
            }

            searched = _end - _start;
            if (searched >= limit || !Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>The next line without its '\n' (the last line may lack one); false at the end.</summary>
    public bool TryReadLine(long lineNumber, out ReadOnlySpan<byte> line)
    {
        var newline = IndexOf((byte)'\n', MaxLineBytes);
        if (newline < 0)
        {
            if (_end - _start >= MaxLineBytes)
            {
                throw new ModelImportException($"{_name}, line {lineNumber}: longer than {MaxLineBytes >> 20} MiB without a line break; not a word-vector text file.");
            }

            line = Available;
            _start = _end;
            return !line.IsEmpty;
        }

        line = _buffer.AsSpan(_start, newline);
        _start += newline + 1;
        return true;
    }

    /// <summary>Fills <paramref name="destination"/> completely, or returns false if the data ends first.</summary>
    public bool TryRead(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_start == _end && !Fill())
            {
                return false;
            }

            var n = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(destination);
            _start += n;
            destination = destination[n..];
        }

        return true;
    }

    public void Dispose() => _stream.Dispose();

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // one line/record longer than the buffer
            }
        }

        // Ask for at most one byte past the limit, so a bomb is never inflated much beyond it.
        var want = (int)Math.Min(_buffer.Length - _end, _maxBytes - _decompressed + 1);
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, want);
        }
        catch (InvalidDataException e)
        {
            throw new ModelImportException($"{_name}: the gzip data is corrupt ({e.Message}).", e);
        }

        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _decompressed += read;
        if (_decompressed > _maxBytes)
        {
            throw TooLarge(_name, _maxBytes);
        }

        _end += read;
        ReportProgress();
        return true;
    }

    private void ReportProgress()
    {
        if (_progress is null || _file.Length == 0)
        {
            return;
        }

        var fraction = Math.Min(1.0, (double)_file.Position / _file.Length);
        if (fraction - _reported >= 0.01) // at most ~100 reports per file
        {
            _reported = fraction;
            _progress.Report(fraction);
        }
    }

    private static ModelImportException TooLarge(string name, long maxBytes) =>
        new($"{name}: more than {maxBytes:N0} bytes once decompressed (the import limit); refusing it as too large or a gzip bomb.");
}
