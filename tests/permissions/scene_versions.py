"""The objects the versions rows of the matrix name, added to the scene (scene.py) after the
consultation's. ``scene`` has the plan, its components, the users and what came before."""


def build(scene):
    return {}
