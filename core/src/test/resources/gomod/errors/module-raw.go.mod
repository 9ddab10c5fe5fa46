module `example.com/raw`
