module "bad\q"
