from ninja import NinjaAPI

api = NinjaAPI(title="Bashkë open data API", version="1", urls_namespace="api")
