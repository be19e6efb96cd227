namespace EmbedDashboard.Inference.Import;

/// <summary>
/// A model the user brought cannot be imported; the message says what is wrong and where (file, line,
/// tensor), in words a user can act on. Nothing is registered or left behind when it is thrown.
/// </summary>
public sealed class ModelImportException(string message, Exception? inner = null) : Exception(message, inner);
