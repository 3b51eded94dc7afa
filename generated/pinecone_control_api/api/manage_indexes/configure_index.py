from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.configure_index_request import ConfigureIndexRequest
from ...models.error_response import ErrorResponse
from ...models.index_model import IndexModel
from ...types import Response


def _get_kwargs(
    index_name: str,
    *,
    body: ConfigureIndexRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/indexes/{index_name}".format(
            index_name=quote(str(index_name), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IndexModel | None:
    if response.status_code == 202:
        response_202 = IndexModel.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | IndexModel]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    index_name: str,
    *,
    client: AuthenticatedClient,
    body: ConfigureIndexRequest,
) -> Response[ErrorResponse | IndexModel]:
    """Configure an index

     Configure an existing index.


    For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you
    can configure the pod size, number of replicas, and index deletion protection.


    It is not possible to change the pod type of a pod-based index. However, you can create a collection
    from a pod-based index and then [create a new pod-based index with a different pod
    type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-
    a-collection) from the collection.
    For guidance and examples, see [Configure an
    index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

    Args:
        index_name (str):
        body (ConfigureIndexRequest): Configuration used to scale an index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexModel]
    """

    kwargs = _get_kwargs(
        index_name=index_name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    index_name: str,
    *,
    client: AuthenticatedClient,
    body: ConfigureIndexRequest,
) -> ErrorResponse | IndexModel | None:
    """Configure an index

     Configure an existing index.


    For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you
    can configure the pod size, number of replicas, and index deletion protection.


    It is not possible to change the pod type of a pod-based index. However, you can create a collection
    from a pod-based index and then [create a new pod-based index with a different pod
    type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-
    a-collection) from the collection.
    For guidance and examples, see [Configure an
    index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

    Args:
        index_name (str):
        body (ConfigureIndexRequest): Configuration used to scale an index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexModel
    """

    return sync_detailed(
        index_name=index_name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    index_name: str,
    *,
    client: AuthenticatedClient,
    body: ConfigureIndexRequest,
) -> Response[ErrorResponse | IndexModel]:
    """Configure an index

     Configure an existing index.


    For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you
    can configure the pod size, number of replicas, and index deletion protection.


    It is not possible to change the pod type of a pod-based index. However, you can create a collection
    from a pod-based index and then [create a new pod-based index with a different pod
    type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-
    a-collection) from the collection.
    For guidance and examples, see [Configure an
    index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

    Args:
        index_name (str):
        body (ConfigureIndexRequest): Configuration used to scale an index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexModel]
    """

    kwargs = _get_kwargs(
        index_name=index_name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    index_name: str,
    *,
    client: AuthenticatedClient,
    body: ConfigureIndexRequest,
) -> ErrorResponse | IndexModel | None:
    """Configure an index

     Configure an existing index.


    For serverless indexes, you can configure only index deletion protection. For pod-based indexes, you
    can configure the pod size, number of replicas, and index deletion protection.


    It is not possible to change the pod type of a pod-based index. However, you can create a collection
    from a pod-based index and then [create a new pod-based index with a different pod
    type](http://docs.pinecone.io/guides/indexes/pods/create-a-pod-based-index#create-a-pod-index-from-
    a-collection) from the collection.
    For guidance and examples, see [Configure an
    index](http://docs.pinecone.io/guides/indexes/pods/manage-pod-based-indexes).

    Args:
        index_name (str):
        body (ConfigureIndexRequest): Configuration used to scale an index.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexModel
    """

    return (
        await asyncio_detailed(
            index_name=index_name,
            client=client,
            body=body,
        )
    ).parsed
