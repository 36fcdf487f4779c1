from dyadline.cli import cli

cli()
