namespace FakeAI.Bounds.Service;

/// <summary>
/// Starts the service: <c>dotnet run --project samples/FakeAI.Bounds.Service</c>. A class rather than top-level
/// statements, so that tests can name it to start the app in-process next to the copy wired to the unbounded trackers,
/// which has an entry point of its own.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Builds and runs the service until it is stopped.</summary>
    /// <param name="args">Command-line arguments; ASP.NET Core reads settings such as <c>--urls</c> from them.</param>
    public static void Main(string[] args)
    {
        ServiceApp.Create(args).Run();
    }
}
