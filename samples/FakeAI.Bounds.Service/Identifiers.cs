namespace FakeAI.Bounds.Service;

/// <summary>Checks a client-chosen id (a model, a file, a batch) before the service looks it up or keeps it.</summary>
internal static class Identifiers
{
    /// <summary>Null when <paramref name="value"/> is present and at most <paramref name="maxLength"/> characters long.</summary>
    public static ApiError? Check(string param, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ApiError.Missing(param);
        }

        // The value is not echoed: it is too long to be anything the service knows.
        return value.Length > maxLength
            ? ApiError.Invalid(param, $"'{param}' has {value.Length} characters; at most {maxLength} are allowed.")
            : null;
    }
}
